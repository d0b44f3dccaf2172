-- Events get a public id, the contact they concern (for GDPR erasure) and indexes for reading an
-- account's events in order and for the retention cleanup. Rows written before keep working: they
-- get a random uuid and no contact.
ALTER TABLE outbox_events ADD COLUMN uuid uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE outbox_events ADD COLUMN contact_id uuid;

CREATE UNIQUE INDEX outbox_events_account_uuid ON outbox_events (account_id, uuid);
CREATE INDEX outbox_events_account ON outbox_events (account_id, id);
CREATE INDEX outbox_events_contact ON outbox_events (account_id, contact_id) WHERE contact_id IS NOT NULL;
-- retention: delivered rows by delivery time, undelivered ones by age
CREATE INDEX outbox_events_delivered ON outbox_events (delivered_at) WHERE delivered_at IS NOT NULL;
CREATE INDEX outbox_events_undelivered_created ON outbox_events (created_at) WHERE delivered_at IS NULL;
