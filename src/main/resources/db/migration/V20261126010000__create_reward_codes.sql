-- The code pool of a DIGITAL reward: one code per reward reception. A free code has no
-- transaction_id; a reception takes one (FOR UPDATE SKIP LOCKED) in the transaction that debits
-- the credits and keeps it for good, also when the reception is reversed (a revealed code is
-- burned). Codes are unique per reward. seq keeps the order codes were added in, which is the
-- order they are handed out.
CREATE TABLE reward_codes (
    account_id      uuid        NOT NULL,
    reward_id       uuid        NOT NULL,
    code            text        NOT NULL CHECK (length(code) BETWEEN 1 AND 255),
    seq             bigint      GENERATED ALWAYS AS IDENTITY,
    transaction_id  uuid,
    created_at      timestamptz NOT NULL,
    issued_at       timestamptz,
    PRIMARY KEY (account_id, reward_id, code),
    FOREIGN KEY (account_id, reward_id) REFERENCES rewards (account_id, id),
    FOREIGN KEY (account_id, transaction_id) REFERENCES loyalty_transactions (account_id, id),
    CHECK ((transaction_id IS NULL) = (issued_at IS NULL))
);
-- The free codes of a reward, in the order they are handed out.
CREATE INDEX reward_codes_free ON reward_codes (account_id, reward_id, seq) WHERE transaction_id IS NULL;
-- One code per reception, and the code of a reception found by its ledger row.
CREATE UNIQUE INDEX reward_codes_transaction ON reward_codes (account_id, transaction_id)
    WHERE transaction_id IS NOT NULL;
