-- Tiers: a contact is in the highest tier whose threshold (credits received) it has reached.
-- Positions and thresholds rise together, so "highest" means the same by either.
CREATE TABLE tiers (
    account_id   uuid        NOT NULL REFERENCES accounts (id),
    id           uuid        NOT NULL,
    display_id   bigint      NOT NULL DEFAULT nextval('display_ids'),
    name         text        NOT NULL,
    description  text,
    position     int         NOT NULL,
    threshold    bigint      NOT NULL CHECK (threshold >= 0),
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (account_id, id),
    UNIQUE (account_id, position),
    UNIQUE (account_id, threshold)
);
