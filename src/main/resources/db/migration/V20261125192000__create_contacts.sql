-- Contacts: the customers of an account. Attribute values live in one jsonb map (name -> value),
-- so a contact with all its values is one row read.
CREATE TABLE contacts (
    account_id    uuid        NOT NULL REFERENCES accounts (id),
    id            uuid        NOT NULL,
    display_id    bigint      NOT NULL DEFAULT nextval('display_ids'),
    email         text,
    -- lower-cased email: emails are case-insensitive and unique per account among live contacts
    email_key     text,
    is_anonymous  boolean     NOT NULL DEFAULT false,
    channel       text        NOT NULL,
    status        text        NOT NULL DEFAULT 'ACTIVE',
    referral_code text,
    attributes    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    deleted_at    timestamptz,
    PRIMARY KEY (account_id, id)
);
CREATE UNIQUE INDEX contacts_email ON contacts (account_id, email_key) WHERE deleted_at IS NULL;
CREATE INDEX contacts_created ON contacts (account_id, created_at, id) WHERE deleted_at IS NULL;
