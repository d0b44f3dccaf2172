-- Contact auth tokens: 256 random bits, stored only as SHA-256; bound to one contact of one account.
CREATE TABLE contact_auth_tokens (
    account_id  uuid        NOT NULL,
    id          uuid        NOT NULL,
    contact_id  uuid        NOT NULL,
    token_hash  bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, contact_id) REFERENCES contacts (account_id, id)
);
-- A contact token arrives without its account: found by its hash alone.
CREATE UNIQUE INDEX contact_auth_tokens_hash ON contact_auth_tokens (token_hash);
CREATE INDEX contact_auth_tokens_contact ON contact_auth_tokens (account_id, contact_id);

-- One-time verification codes (mailed in Piggy; logged here), stored hashed with their contact.
CREATE TABLE contact_verification_codes (
    account_id  uuid        NOT NULL,
    id          uuid        NOT NULL,
    contact_id  uuid        NOT NULL,
    code_hash   bytea       NOT NULL,
    attempts    int         NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, contact_id) REFERENCES contacts (account_id, id)
);
CREATE INDEX contact_verification_codes_contact ON contact_verification_codes (account_id, contact_id, created_at);
