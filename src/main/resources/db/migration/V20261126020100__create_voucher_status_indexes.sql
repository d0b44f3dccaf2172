-- GET /vouchers?status=… on large accounts. Status is derived at read time, so it cannot be indexed
-- itself; each status that is usually rare gets an index on the column it needs instead, and the
-- listing adds that column's condition (implied by the status) so PostgreSQL can use it.
-- A redeem changes none of these columns (times_redeemed and redeemed_at are not indexed; only the
-- redeem of a locked voucher clears lock_release_at), so redeems stay HOT updates; a lock or release
-- is no longer one. A batch adds entries only for the dates it sets.
CREATE INDEX vouchers_deactivated ON vouchers (account_id, id) WHERE deactivated;
CREATE INDEX vouchers_locked ON vouchers (account_id, id) WHERE lock_release_at IS NOT NULL;
CREATE INDEX vouchers_expiration ON vouchers (account_id, expiration_date) WHERE expiration_date IS NOT NULL;
CREATE INDEX vouchers_activation ON vouchers (account_id, activation_date) WHERE activation_date IS NOT NULL;
-- REDEEMED is found through the redemption rows (voucher_redemptions_voucher); this tells the planner
-- how many vouchers are used up, so it drives from them only when they are few.
CREATE STATISTICS vouchers_redeemed ON (times_redeemed >= redemptions_allowed) FROM vouchers;
