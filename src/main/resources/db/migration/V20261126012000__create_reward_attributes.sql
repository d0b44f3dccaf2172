-- Reward attributes: the custom fields a reward may have values for. Values stay in
-- rewards.attributes (name -> value), checked against these definitions when they are written.
CREATE TABLE reward_attributes (
    account_id   uuid        NOT NULL REFERENCES accounts (id),
    name         text        NOT NULL,
    display_id   bigint      NOT NULL DEFAULT nextval('display_ids'),
    label        text        NOT NULL,
    description  text,
    type         text        NOT NULL,
    placeholder  text,
    -- [{value, label, description, media}], values as strings
    options      jsonb       NOT NULL DEFAULT '[]'::jsonb,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (account_id, name)
);
CREATE INDEX reward_attributes_display ON reward_attributes (account_id, display_id);

-- Rewards may already hold values under names nobody defined (they were free-form): each such
-- name becomes a text attribute, so a client that sends a reward's values back keeps working.
INSERT INTO reward_attributes (account_id, name, label, type, created_at, updated_at)
SELECT r.account_id, k.name, k.name, 'text', min(r.created_at), min(r.created_at)
FROM rewards r, jsonb_object_keys(r.attributes) AS k(name)
GROUP BY r.account_id, k.name;
