-- Subscription types (newsletters, …) and each contact's choice. A contact without a row has the
-- type's default: subscribed for OPT_OUT, unsubscribed for OPT_IN and DOUBLE_OPT_IN.
CREATE TABLE subscription_types (
    account_id   uuid        NOT NULL REFERENCES accounts (id),
    id           uuid        NOT NULL,
    display_id   bigint      NOT NULL DEFAULT nextval('display_ids'),
    name         text        NOT NULL,
    description  text,
    active       boolean     NOT NULL DEFAULT true,
    strategy     text        NOT NULL CHECK (strategy IN ('OPT_IN', 'OPT_OUT', 'DOUBLE_OPT_IN')),
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (account_id, id)
);

CREATE TABLE contact_subscriptions (
    account_id            uuid        NOT NULL,
    contact_id            uuid        NOT NULL,
    subscription_type_id  uuid        NOT NULL,
    status                text        NOT NULL CHECK (status IN ('SUBSCRIBED', 'UNSUBSCRIBED', 'PENDING_CONFIRMATION')),
    updated_at            timestamptz NOT NULL,
    PRIMARY KEY (account_id, contact_id, subscription_type_id),
    FOREIGN KEY (account_id, contact_id) REFERENCES contacts (account_id, id),
    FOREIGN KEY (account_id, subscription_type_id) REFERENCES subscription_types (account_id, id)
);
