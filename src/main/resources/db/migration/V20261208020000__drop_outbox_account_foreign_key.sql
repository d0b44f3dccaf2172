-- Every credit reception now writes an event. A foreign key to accounts made each of those inserts
-- share-lock the account's row, the same row for all of an account's receptions: the lock the ledger
-- avoids by having no foreign keys (docs/decisions.md). Writers name the account they were called for.
ALTER TABLE outbox_events DROP CONSTRAINT outbox_events_account_id_fkey;
