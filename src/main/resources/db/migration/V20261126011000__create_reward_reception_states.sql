-- How long a reward reception stays collectable: expiration_duration seconds after it is made.
ALTER TABLE rewards ADD COLUMN expiration_duration bigint CHECK (expiration_duration > 0);

-- What happens to a reward reception after it is made. The ledger row is append-only, so its
-- changing state lives here, one row per reward reception written with it: the reward's type and
-- the expiry at that moment, when it was collected, and when it was reversed (mirroring the
-- reversal's ledger row). Collecting and reversing both update this row with guards on it, so the
-- row lock decides between them: a reception is collected or reversed, never both.
CREATE TABLE reward_reception_states (
    account_id      uuid        NOT NULL,
    transaction_id  uuid        NOT NULL,
    reward_type     text        NOT NULL CHECK (reward_type IN ('PHYSICAL', 'DIGITAL')),
    expires_at      timestamptz,
    collected_at    timestamptz,
    reversed_at     timestamptz,
    PRIMARY KEY (account_id, transaction_id),
    FOREIGN KEY (account_id, transaction_id) REFERENCES loyalty_transactions (account_id, id),
    CHECK (collected_at IS NULL OR reversed_at IS NULL)
);

-- Reward receptions made before this table: never expiring, not collected, reversed when the
-- ledger says so.
INSERT INTO reward_reception_states (account_id, transaction_id, reward_type, reversed_at)
SELECT l.account_id, l.id, COALESCE(r.reward_type, 'PHYSICAL'), v.created_at
FROM loyalty_transactions l
LEFT JOIN rewards r ON r.account_id = l.account_id AND r.id = l.reward_id
LEFT JOIN loyalty_transactions v ON v.account_id = l.account_id AND v.reverses_id = l.id
WHERE l.type = 'reward_reception';
