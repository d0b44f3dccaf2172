-- Promotions: the rules a family of vouchers shares.
CREATE TABLE promotions (
    account_id               uuid        NOT NULL REFERENCES accounts (id),
    id                       uuid        NOT NULL,
    name                     text        NOT NULL,
    description              text        NOT NULL,
    type                     text        NOT NULL CHECK (type IN ('SINGLE_USE', 'MULTI_USE')),
    redemptions_per_voucher  integer     NOT NULL CHECK (redemptions_per_voucher >= 1),
    voucher_limit            bigint      CHECK (voucher_limit >= 0),
    limit_per_contact        integer     CHECK (limit_per_contact >= 0),
    expiration_duration      bigint      CHECK (expiration_duration >= 0),
    attributes               jsonb       NOT NULL DEFAULT '{}'::jsonb,
    -- vouchers created or reserved by batches; guarded against voucher_limit in the same UPDATE
    voucher_count            bigint      NOT NULL DEFAULT 0,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    PRIMARY KEY (account_id, id),
    CHECK (voucher_limit IS NULL OR voucher_count <= voucher_limit)
);
CREATE INDEX promotions_created ON promotions (account_id, created_at, id);

-- Custom attribute definitions for promotions; "id" is the integer the PHP SDK addresses them by.
CREATE TABLE promotion_attributes (
    account_id   uuid        NOT NULL REFERENCES accounts (id),
    id           bigint      NOT NULL DEFAULT nextval('display_ids'),
    name         text        NOT NULL,
    label        text        NOT NULL,
    description  text,
    placeholder  text,
    type         text        NOT NULL,
    options      jsonb       NOT NULL DEFAULT '[]'::jsonb,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (account_id, id),
    UNIQUE (account_id, name)
);

-- Vouchers. Codes are case-insensitive: unique per account on upper(code), found the same way.
-- Status is derived at read time from the columns (see VoucherStatus), so locks expire and
-- vouchers expire without a sweeper.
CREATE TABLE vouchers (
    account_id            uuid        NOT NULL,
    id                    uuid        NOT NULL,
    code                  text        NOT NULL,
    promotion_id          uuid        NOT NULL,
    contact_id            uuid,
    batch_id              uuid,
    deactivated           boolean     NOT NULL DEFAULT false,
    activation_date       timestamptz,
    expiration_date       timestamptz,
    redemptions_allowed   integer     NOT NULL CHECK (redemptions_allowed >= 1),
    times_redeemed        integer     NOT NULL DEFAULT 0,
    redeemed_at           timestamptz,
    attributes            jsonb,
    release_key           text,
    locked_at             timestamptz,
    lock_release_at       timestamptz,
    unlocked_at           timestamptz,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, promotion_id) REFERENCES promotions (account_id, id),
    CHECK (times_redeemed >= 0 AND times_redeemed <= redemptions_allowed)
);
CREATE UNIQUE INDEX vouchers_code ON vouchers (account_id, upper(code));
CREATE INDEX vouchers_promotion ON vouchers (account_id, promotion_id, id);
CREATE INDEX vouchers_contact ON vouchers (account_id, contact_id, id) WHERE contact_id IS NOT NULL;

-- Every redemption is a row; a reversal is a new row pointing at what it reverses (append-only).
CREATE TABLE voucher_redemptions (
    account_id    uuid        NOT NULL,
    id            uuid        NOT NULL,
    voucher_id    uuid        NOT NULL,
    promotion_id  uuid        NOT NULL,
    contact_id    uuid        NOT NULL,
    shop_id       uuid,
    -- +1 for a redemption, -1 for its reversal
    times         integer     NOT NULL CHECK (times IN (1, -1)),
    reverses_id   uuid,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, voucher_id) REFERENCES vouchers (account_id, id),
    FOREIGN KEY (account_id, reverses_id) REFERENCES voucher_redemptions (account_id, id)
);
CREATE INDEX voucher_redemptions_voucher ON voucher_redemptions (account_id, voucher_id, id);
CREATE INDEX voucher_redemptions_contact ON voucher_redemptions (account_id, contact_id);
-- a redemption is reversed at most once
CREATE UNIQUE INDEX voucher_redemptions_reverses ON voucher_redemptions (account_id, reverses_id)
    WHERE reverses_id IS NOT NULL;

-- Redemptions per contact and promotion, for limit_per_contact: updated with a guard in the
-- redeeming transaction, so parallel redeems cannot exceed the limit.
CREATE TABLE promotion_contact_redemptions (
    account_id    uuid    NOT NULL,
    promotion_id  uuid    NOT NULL,
    contact_id    uuid    NOT NULL,
    redeemed      integer NOT NULL CHECK (redeemed >= 0),
    PRIMARY KEY (account_id, promotion_id, contact_id),
    FOREIGN KEY (account_id, promotion_id) REFERENCES promotions (account_id, id)
);

-- Batches of generated vouchers, worked off in chunks by any instance.
CREATE TABLE voucher_batches (
    account_id           uuid        NOT NULL REFERENCES accounts (id),
    id                   uuid        NOT NULL,
    promotion_id         uuid        NOT NULL,
    quantity             bigint      NOT NULL CHECK (quantity >= 1),
    generated            bigint      NOT NULL DEFAULT 0,
    status               text        NOT NULL CHECK (status IN ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED')),
    error                text,
    code_template        text        NOT NULL,
    code_charset         text        NOT NULL,
    contact_id           uuid,
    activation_date      timestamptz,
    expiration_date      timestamptz,
    redemptions_allowed  integer     NOT NULL,
    attributes           jsonb,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    completed_at         timestamptz,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, promotion_id) REFERENCES promotions (account_id, id),
    CHECK (generated <= quantity)
);
CREATE INDEX voucher_batches_created ON voucher_batches (account_id, created_at, id);

-- One row per chunk, created with the batch. A worker claims a chunk with FOR UPDATE SKIP LOCKED
-- and writes its vouchers and done_at in that same transaction: a crash rolls the chunk back whole,
-- and no two workers ever hold the same chunk.
CREATE TABLE voucher_batch_chunks (
    account_id    uuid        NOT NULL,
    batch_id      uuid        NOT NULL,
    chunk_no      integer     NOT NULL,
    size          integer     NOT NULL CHECK (size >= 1),
    attempts      integer     NOT NULL DEFAULT 0,
    last_error    text,
    processed_by  text,
    done_at       timestamptz,
    PRIMARY KEY (account_id, batch_id, chunk_no),
    FOREIGN KEY (account_id, batch_id) REFERENCES voucher_batches (account_id, id)
);
-- Workers take the lowest chunk number first: a new batch's first chunks overtake the tail of a
-- long batch, so small batches finish quickly while a large one runs.
CREATE INDEX voucher_batch_chunks_pending ON voucher_batch_chunks (chunk_no, batch_id) WHERE done_at IS NULL;

-- Codes reserved per account and code format (template and charset), to refuse a generation
-- that would use more than half of the free code space.
CREATE TABLE voucher_code_spaces (
    account_id  uuid    NOT NULL REFERENCES accounts (id),
    template    text    NOT NULL,
    charset     text    NOT NULL,
    reserved    bigint  NOT NULL CHECK (reserved >= 0),
    PRIMARY KEY (account_id, template, charset)
);
