-- Accounts are the tenants. Every tenant-owned table carries account_id, which leads its
-- primary key, its unique constraints and its foreign keys.
CREATE TABLE accounts (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL
);

-- "id" numbers exist only because the PHP SDK's mappers read an integer id for shops and
-- loyalty programs; the public key is the uuid.
CREATE SEQUENCE display_ids;

CREATE TABLE shops (
    account_id  uuid        NOT NULL REFERENCES accounts (id),
    id          uuid        NOT NULL,
    display_id  bigint      NOT NULL DEFAULT nextval('display_ids'),
    name        text        NOT NULL,
    type        text        NOT NULL CHECK (type IN ('physical', 'web')),
    reference   text,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (account_id, id)
);

CREATE TABLE loyalty_programs (
    account_id          uuid        NOT NULL PRIMARY KEY REFERENCES accounts (id),
    display_id          bigint      NOT NULL DEFAULT nextval('display_ids'),
    name                text        NOT NULL,
    max_amount          bigint,
    custom_credit_name  text,
    created_at          timestamptz NOT NULL
);

CREATE TABLE units (
    account_id  uuid        NOT NULL REFERENCES loyalty_programs (account_id),
    id          uuid        NOT NULL,
    display_id  bigint      NOT NULL DEFAULT nextval('display_ids'),
    name        text        NOT NULL,
    label       text        NOT NULL,
    prefix      text        NOT NULL,
    is_default  boolean     NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (account_id, id),
    UNIQUE (account_id, name)
);
CREATE UNIQUE INDEX units_one_default ON units (account_id) WHERE is_default;

CREATE TABLE oauth_clients (
    account_id   uuid        NOT NULL REFERENCES accounts (id),
    id           uuid        NOT NULL,
    secret_hash  bytea       NOT NULL,
    name         text        NOT NULL,
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    PRIMARY KEY (account_id, id)
);
-- The client id arrives without its account, so it must be found alone.
CREATE UNIQUE INDEX oauth_clients_id ON oauth_clients (id);

-- Personal access tokens and OAuth access tokens; only a SHA-256 of the token is kept.
CREATE TABLE access_tokens (
    account_id   uuid        NOT NULL REFERENCES accounts (id),
    id           uuid        NOT NULL,
    token_hash   bytea       NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('personal', 'oauth')),
    name         text        NOT NULL,
    client_id    uuid,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, client_id) REFERENCES oauth_clients (account_id, id)
);
-- A bearer token arrives without its account: this is the one lookup that is not account-scoped.
CREATE UNIQUE INDEX access_tokens_hash ON access_tokens (token_hash);
