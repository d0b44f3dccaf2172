-- A chunk whose work failed transiently (lost connection, deadlock, full disk, ...) waits until
-- retry_at, which grows exponentially with its attempts. Stored with the chunk, so a restarted or
-- another instance keeps the backoff instead of hammering a database that is still recovering.
ALTER TABLE voucher_batch_chunks ADD COLUMN retry_at timestamptz;
