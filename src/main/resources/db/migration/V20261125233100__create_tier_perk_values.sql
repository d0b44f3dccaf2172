-- The value a tier gives for a perk. It points at the perk's option by value, so removing that
-- option removes the row and the tier falls back to the perk's default.
CREATE TABLE tier_perk_values (
    account_id  uuid        NOT NULL,
    tier_id     uuid        NOT NULL,
    perk_id     uuid        NOT NULL,
    value       text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (account_id, tier_id, perk_id),
    FOREIGN KEY (account_id, tier_id) REFERENCES tiers (account_id, id) ON DELETE CASCADE,
    FOREIGN KEY (account_id, perk_id, value) REFERENCES perk_options (account_id, perk_id, value) ON DELETE CASCADE
);
CREATE INDEX tier_perk_values_perk ON tier_perk_values (account_id, perk_id, value);
