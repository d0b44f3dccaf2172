-- Idempotency-Key: the stored answer to the first request with a key, per account.
-- The row is inserted in the same transaction as the request's own writes, so a key and its
-- effects commit (or vanish) together; a concurrent request with the same key waits on it.
CREATE TABLE idempotency_keys (
    account_id    uuid        NOT NULL REFERENCES accounts (id),
    key           text        NOT NULL,
    request_hash  bytea       NOT NULL,
    status        int,
    content_type  text,
    body          bytea,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (account_id, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- Side effects (webhook events) leave a transaction as rows written in it.
CREATE TABLE outbox_events (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    uuid        NOT NULL REFERENCES accounts (id),
    event_type    text        NOT NULL,
    payload       jsonb       NOT NULL,
    created_at    timestamptz NOT NULL,
    delivered_at  timestamptz
);
CREATE INDEX outbox_events_pending ON outbox_events (id) WHERE delivered_at IS NULL;
