-- Perks: the benefits a tier gives (a discount level, free delivery). The name is unique per
-- account; a perk's options are its possible values, exactly one of them the default.
CREATE TABLE perks (
    account_id  uuid        NOT NULL REFERENCES accounts (id),
    id          uuid        NOT NULL,
    name        text        NOT NULL,
    label       text        NOT NULL,
    data_type   text        NOT NULL CHECK (data_type IN ('single_select', 'boolean')),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (account_id, id),
    UNIQUE (account_id, name)
);
CREATE INDEX perks_created ON perks (account_id, created_at, id);

-- Keyed by value, so that what a tier gives can later point at an option with a foreign key.
CREATE TABLE perk_options (
    account_id  uuid    NOT NULL,
    perk_id     uuid    NOT NULL,
    value       text    NOT NULL,
    label       text    NOT NULL,
    is_default  boolean NOT NULL,
    position    int     NOT NULL,
    PRIMARY KEY (account_id, perk_id, value),
    FOREIGN KEY (account_id, perk_id) REFERENCES perks (account_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX perk_options_one_default ON perk_options (account_id, perk_id) WHERE is_default;
