-- The credits ledger: one row per credit reception or reward reception, with signed credits.
-- Rows are never updated or deleted (a trigger refuses it); a reversal is a new row pointing at
-- what it reverses. The ledger has no foreign keys to contacts, shops, units, rewards or
-- accounts: every writer checks those in the same request, none of them is ever deleted, and a
-- foreign key would make every reception share-lock its contact, shop and account rows, which
-- serialises hot rows on MultiXacts and deadlocks against a contact merge holding the contact
-- row (see docs/decisions.md).
CREATE TABLE loyalty_transactions (
    account_id          uuid        NOT NULL,
    id                  uuid        NOT NULL,
    type                text        NOT NULL CHECK (type IN ('credit_reception', 'reward_reception')),
    contact_id          uuid        NOT NULL,
    shop_id             uuid        NOT NULL,
    credits             bigint      NOT NULL,
    unit_id             uuid,
    unit_value          numeric,
    reward_id           uuid,
    reverses_id         uuid,
    pos_transaction_id  text,
    channel             text        NOT NULL,
    created_at          timestamptz NOT NULL,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, reverses_id) REFERENCES loyalty_transactions (account_id, id),
    CHECK (type = 'credit_reception' OR (reward_id IS NOT NULL AND credits <= 0))
);
-- A transaction is reversed at most once; a POS transaction is linked to one reception (6001).
CREATE UNIQUE INDEX loyalty_transactions_reverses ON loyalty_transactions (account_id, reverses_id)
    WHERE reverses_id IS NOT NULL;
CREATE UNIQUE INDEX loyalty_transactions_pos ON loyalty_transactions (account_id, pos_transaction_id)
    WHERE pos_transaction_id IS NOT NULL;
CREATE INDEX loyalty_transactions_contact ON loyalty_transactions (account_id, contact_id, created_at, id);
CREATE INDEX loyalty_transactions_created ON loyalty_transactions (account_id, created_at, id);

CREATE FUNCTION loyalty_transactions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'loyalty_transactions is append-only: % refused; write a reversal instead', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER loyalty_transactions_no_update_or_delete BEFORE UPDATE OR DELETE ON loyalty_transactions
    FOR EACH ROW EXECUTE FUNCTION loyalty_transactions_append_only();
CREATE TRIGGER loyalty_transactions_no_truncate BEFORE TRUNCATE ON loyalty_transactions
    FOR EACH STATEMENT EXECUTE FUNCTION loyalty_transactions_append_only();

-- Personal data a reception carries (custom attributes, the identifier it was made with) lives
-- beside the ledger, so a GDPR erasure can remove it without touching a ledger row.
CREATE TABLE loyalty_transaction_details (
    account_id                uuid  NOT NULL,
    transaction_id            uuid  NOT NULL,
    contact_id                uuid  NOT NULL,
    contact_identifier_value  text,
    attributes                jsonb NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (account_id, transaction_id),
    FOREIGN KEY (account_id, transaction_id) REFERENCES loyalty_transactions (account_id, id)
);
CREATE INDEX loyalty_transaction_details_contact ON loyalty_transaction_details (account_id, contact_id);

-- A contact's balance and loyalty totals, derived from the ledger and updated in the same
-- statement as each ledger row, with a guard that keeps the balance from going negative.
-- A contact merged into another keeps a zeroed row with merged_into set: its ledger rows then
-- count for that contact, and writes to it are refused.
CREATE TABLE contact_balances (
    account_id      uuid        NOT NULL,
    contact_id      uuid        NOT NULL,
    balance         bigint      NOT NULL CHECK (balance >= 0),
    total_received  bigint      NOT NULL,
    transactions    bigint      NOT NULL,
    first_at        timestamptz,
    last_at         timestamptz,
    merged_into     uuid,
    PRIMARY KEY (account_id, contact_id)
) WITH (fillfactor = 70);
CREATE INDEX contact_balances_merged_into ON contact_balances (account_id, merged_into)
    WHERE merged_into IS NOT NULL;
