-- Attribute definitions of contacts: Piggy's predefined ones (seeded per account on first use)
-- and the account's own. Values live in contacts.attributes, keyed by name.
CREATE TABLE contact_attributes (
    account_id         uuid        NOT NULL REFERENCES accounts (id),
    name               text        NOT NULL,
    display_id         bigint      NOT NULL DEFAULT nextval('display_ids'),
    label              text        NOT NULL,
    type               text        NOT NULL,
    description        text,
    group_name         text,
    -- [{value, label, description, media}], values as strings
    options            jsonb       NOT NULL DEFAULT '[]'::jsonb,
    position           int         NOT NULL,
    is_piggy_defined   boolean     NOT NULL DEFAULT false,
    is_soft_read_only  boolean     NOT NULL DEFAULT false,
    is_hard_read_only  boolean     NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    PRIMARY KEY (account_id, name)
);
