-- Rewards a contact can claim with credits. stock NULL means unlimited; limit_per_contact NULL
-- means no limit. Custom reward attributes live in one jsonb map (name -> value).
CREATE TABLE rewards (
    account_id         uuid        NOT NULL REFERENCES accounts (id),
    id                 uuid        NOT NULL,
    display_id         bigint      NOT NULL DEFAULT nextval('display_ids'),
    title              text        NOT NULL,
    description        text,
    required_credits   bigint      NOT NULL CHECK (required_credits >= 0),
    reward_type        text        NOT NULL CHECK (reward_type IN ('PHYSICAL', 'DIGITAL')),
    stock              bigint      CHECK (stock >= 0),
    active             boolean     NOT NULL,
    limit_per_contact  bigint      CHECK (limit_per_contact > 0),
    media              jsonb,
    attributes         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    PRIMARY KEY (account_id, id)
);
CREATE INDEX rewards_created ON rewards (account_id, created_at, id);

-- How many credits a unit value earns: `credits` per `unit_value` of the unit, rounded by
-- `rounding`. A rule with shop_id NULL holds for every shop; a shop's own rule overrides it.
-- A unit without any rule earns 1 credit per 1.00, rounded down.
CREATE TABLE earning_rules (
    account_id  uuid        NOT NULL REFERENCES loyalty_programs (account_id),
    id          uuid        NOT NULL,
    unit_id     uuid        NOT NULL,
    shop_id     uuid,
    credits     bigint      NOT NULL CHECK (credits >= 0),
    unit_value  numeric     NOT NULL CHECK (unit_value > 0),
    rounding    text        NOT NULL CHECK (rounding IN ('DOWN', 'UP', 'HALF_UP')),
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (account_id, id),
    UNIQUE NULLS NOT DISTINCT (account_id, unit_id, shop_id),
    FOREIGN KEY (account_id, unit_id) REFERENCES units (account_id, id),
    FOREIGN KEY (account_id, shop_id) REFERENCES shops (account_id, id)
);
