-- A promotion can be switched off (status INACTIVE): its vouchers cannot be created, locked,
-- validated or redeemed until it is switched on again.
ALTER TABLE promotions
    ADD COLUMN active boolean NOT NULL DEFAULT true,
    -- vouchers that exist (voucher_count also holds what running batches reserved): counted in the
    -- transaction that inserts them, it is the exact total of GET /vouchers?promotion_uuid= in O(1)
    ADD COLUMN vouchers_created bigint NOT NULL DEFAULT 0 CHECK (vouchers_created >= 0);

UPDATE promotions p SET vouchers_created = c.n
FROM (SELECT account_id, promotion_id, count(*) AS n FROM vouchers GROUP BY account_id, promotion_id) c
WHERE c.account_id = p.account_id AND c.promotion_id = p.id;
