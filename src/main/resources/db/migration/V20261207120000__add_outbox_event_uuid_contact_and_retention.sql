-- Events get a public id and the contact they concern (for GDPR erasure). Rows written before keep
-- working: they get a random uuid and no contact.
-- Indexes are few on purpose: every credit reception inserts an event, and each index is a write.
-- (account_id, id) reads an account's events in order and serves an erasure's search by contact_id;
-- the delivered_at index is written on delivery, not on insert; undelivered rows are found for
-- expiry through the existing pending index (id order is creation order).
ALTER TABLE outbox_events ADD COLUMN uuid uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE outbox_events ADD COLUMN contact_id uuid;

CREATE INDEX outbox_events_account ON outbox_events (account_id, id);
CREATE INDEX outbox_events_delivered ON outbox_events (delivered_at) WHERE delivered_at IS NOT NULL;
