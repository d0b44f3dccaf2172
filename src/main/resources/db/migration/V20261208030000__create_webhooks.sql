-- The account secret signs webhooks whose subscription has none (and, later, loyalty tokens). It is
-- kept readable, not hashed: an HMAC needs the secret itself. Existing accounts get one here.
ALTER TABLE accounts ADD COLUMN secret text NOT NULL
    DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');

-- Which contact attributes a contact_updated event changed (null for other events, or when unknown).
ALTER TABLE outbox_events ADD COLUMN changed_attributes text[];

CREATE TABLE webhook_subscriptions (
    account_id    uuid        NOT NULL,
    id            uuid        NOT NULL,
    name          text        NOT NULL,
    event_type    text        NOT NULL,
    url           text        NOT NULL,
    secret        text,
    status        text        NOT NULL,
    status_reason text,
    attributes    text[]      NOT NULL DEFAULT '{}',
    -- set at the first failed delivery after a success; the subscription goes INACTIVE when it stays failing
    failing_since timestamptz,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (account_id, id)
);
CREATE INDEX webhook_subscriptions_active ON webhook_subscriptions (account_id, event_type) WHERE status = 'ACTIVE';

-- One row per event and subscription, worked off by the job runner: run_at is when it is due (or
-- when its lease ends while an attempt runs), null once it is DELIVERED or FAILED. The event's body
-- is read from outbox_events at each attempt, so a GDPR redaction reaches retries too.
CREATE TABLE webhook_deliveries (
    account_id      uuid        NOT NULL,
    id              bigint      GENERATED ALWAYS AS IDENTITY,
    subscription_id uuid        NOT NULL,
    event_id        bigint      NOT NULL,
    -- the event's public id and type, kept for the delivery log after the event itself is gone
    event_uuid      uuid        NOT NULL,
    event_type      text        NOT NULL,
    contact_id      uuid,
    status          text        NOT NULL,
    run_at          timestamptz,
    attempts        int         NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    last_attempt_at timestamptz,
    last_error      text,
    delivered_at    timestamptz,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, subscription_id) REFERENCES webhook_subscriptions (account_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (account_id, run_at) WHERE run_at IS NOT NULL;
-- a delivery waits while an earlier one of its subscription and contact is pending (order per contact)
CREATE INDEX webhook_deliveries_lane ON webhook_deliveries (account_id, subscription_id, contact_id, event_id)
    WHERE run_at IS NOT NULL;
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (account_id, subscription_id, status, id);

-- The delivery log: every attempt with its answer.
CREATE TABLE webhook_attempts (
    account_id      uuid        NOT NULL,
    delivery_id     bigint      NOT NULL,
    attempted_at    timestamptz NOT NULL,
    status_code     int,
    latency_ms      int         NOT NULL,
    response        text,
    error           text,
    FOREIGN KEY (account_id, delivery_id) REFERENCES webhook_deliveries (account_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (account_id, delivery_id, attempted_at);
