package io.piggy.voucher;

import io.piggy.account.AccountId;
import io.piggy.shared.db.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The append-only redemption rows, and the per-contact counts that limit_per_contact guards. */
@Repository
class Redemptions {
    private final JdbcClient db;
    private final Clock clock;

    Redemptions(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    record Redemption(UUID id, UUID voucherId, UUID promotionId, UUID contactId, Instant createdAt) {
    }

    List<Redemption> insert(AccountId account, Vouchers.Voucher voucher, UUID contact, UUID shop, int times, Instant at) {
        List<Redemption> rows = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            UUID id = Ids.next(clock);
            db.sql("""
                            INSERT INTO voucher_redemptions (account_id, id, voucher_id, promotion_id, contact_id, shop_id,
                                                             times, created_at)
                            VALUES (:account, :id, :voucher, :promotion, :contact, :shop, 1, :at)""")
                    .param("account", account.value()).param("id", id).param("voucher", voucher.id())
                    .param("promotion", voucher.promotionId()).param("contact", contact).param("shop", shop)
                    .param("at", Timestamp.from(at)).update();
            rows.add(new Redemption(id, voucher.id(), voucher.promotionId(), contact, at));
        }
        return rows;
    }

    /** A redemption (not a reversal) by its uuid. */
    Optional<Redemption> find(AccountId account, UUID id) {
        return db.sql("""
                        SELECT id, voucher_id, promotion_id, contact_id, created_at FROM voucher_redemptions
                        WHERE account_id = :account AND id = :id AND times = 1""")
                .param("account", account.value()).param("id", id).query(Redemptions::map).optional();
    }

    Optional<Redemption> latestUnreversed(AccountId account, UUID voucher) {
        return db.sql("""
                        SELECT r.id, r.voucher_id, r.promotion_id, r.contact_id, r.created_at FROM voucher_redemptions r
                        WHERE r.account_id = :account AND r.voucher_id = :voucher AND r.times = 1
                          AND NOT EXISTS (SELECT 1 FROM voucher_redemptions x
                                          WHERE x.account_id = r.account_id AND x.reverses_id = r.id)
                        ORDER BY r.id DESC LIMIT 1""")
                .param("account", account.value()).param("voucher", voucher).query(Redemptions::map).optional();
    }

    /** @return false when the redemption was reversed already */
    boolean reverse(AccountId account, Redemption redemption, Instant at) {
        return db.sql("""
                        INSERT INTO voucher_redemptions (account_id, id, voucher_id, promotion_id, contact_id, shop_id,
                                                         times, reverses_id, created_at)
                        SELECT account_id, :id, voucher_id, promotion_id, contact_id, shop_id, -1, id, :at
                        FROM voucher_redemptions WHERE account_id = :account AND id = :reverses
                        ON CONFLICT DO NOTHING""")
                .param("account", account.value()).param("id", Ids.next(clock)).param("reverses", redemption.id())
                .param("at", Timestamp.from(at)).update() == 1;
    }

    /**
     * Counts {@code times} redemptions of the promotion for the contact, guarded by the limit in
     * one statement (the row lock of the upsert serializes parallel redeems of one contact).
     * @return false when the contact would pass the limit
     */
    boolean countForContact(AccountId account, UUID promotion, UUID contact, int times, int limit) {
        if (times > limit) {
            return false;
        }
        return db.sql("""
                        INSERT INTO promotion_contact_redemptions AS p (account_id, promotion_id, contact_id, redeemed)
                        VALUES (:account, :promotion, :contact, :times)
                        ON CONFLICT (account_id, promotion_id, contact_id)
                        DO UPDATE SET redeemed = p.redeemed + :times WHERE p.redeemed + :times <= :limit""")
                .param("account", account.value()).param("promotion", promotion).param("contact", contact)
                .param("times", times).param("limit", limit).update() == 1;
    }

    int countOfContact(AccountId account, UUID promotion, UUID contact) {
        return db.sql("""
                        SELECT COALESCE(max(redeemed), 0) FROM promotion_contact_redemptions
                        WHERE account_id = :account AND promotion_id = :promotion AND contact_id = :contact""")
                .param("account", account.value()).param("promotion", promotion).param("contact", contact)
                .query(Integer.class).single();
    }

    void uncountForContact(AccountId account, UUID promotion, UUID contact) {
        db.sql("""
                        UPDATE promotion_contact_redemptions SET redeemed = redeemed - 1
                        WHERE account_id = :account AND promotion_id = :promotion AND contact_id = :contact
                          AND redeemed > 0""")
                .param("account", account.value()).param("promotion", promotion).param("contact", contact).update();
    }

    private static Redemption map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Redemption(rs.getObject("id", UUID.class), rs.getObject("voucher_id", UUID.class),
                rs.getObject("promotion_id", UUID.class), rs.getObject("contact_id", UUID.class),
                Vouchers.instant(rs, "created_at"));
    }

    /** Contact merge: the source's redemptions and per-promotion counts become the destination's. */
    void moveContact(AccountId account, UUID from, UUID to) {
        db.sql("""
                        UPDATE voucher_redemptions SET contact_id = :to
                        WHERE account_id = :account AND contact_id = :from""")
                .param("account", account.value()).param("from", from).param("to", to).update();
        db.sql("""
                        INSERT INTO promotion_contact_redemptions AS p (account_id, promotion_id, contact_id, redeemed)
                        SELECT account_id, promotion_id, :to, redeemed FROM promotion_contact_redemptions
                        WHERE account_id = :account AND contact_id = :from
                        ON CONFLICT (account_id, promotion_id, contact_id)
                        DO UPDATE SET redeemed = p.redeemed + excluded.redeemed""")
                .param("account", account.value()).param("from", from).param("to", to).update();
        db.sql("DELETE FROM promotion_contact_redemptions WHERE account_id = :account AND contact_id = :from")
                .param("account", account.value()).param("from", from).update();
    }
}
