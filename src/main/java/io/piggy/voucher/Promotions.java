package io.piggy.voucher;

import io.piggy.account.AccountId;
import io.piggy.shared.db.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class Promotions {
    private static final String COLUMNS = """
            id, name, description, type, redemptions_per_voucher, voucher_limit, limit_per_contact,
            expiration_duration, attributes::text AS attributes
            """;
    private final JdbcClient db;
    private final JsonMapper json;
    private final Clock clock;

    Promotions(JdbcClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    record Promotion(UUID id, String name, String description, String type, int redemptionsPerVoucher,
                     Long voucherLimit, Integer limitPerContact, Long expirationDuration,
                     Map<String, Object> attributes) {
    }

    List<Promotion> all(AccountId account) {
        return db.sql("SELECT " + COLUMNS + " FROM promotions WHERE account_id = :account ORDER BY created_at, id")
                .param("account", account.value()).query(this::map).list();
    }

    Optional<Promotion> find(AccountId account, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM promotions WHERE account_id = :account AND id = :id")
                .param("account", account.value()).param("id", id).query(this::map).optional();
    }

    Promotion create(AccountId account, String name, String description, String type, int redemptionsPerVoucher,
                     Long voucherLimit, Integer limitPerContact, Long expirationDuration,
                     Map<String, Object> attributes) {
        Timestamp now = Timestamp.from(clock.instant());
        return db.sql("""
                        INSERT INTO promotions (account_id, id, name, description, type, redemptions_per_voucher,
                                                voucher_limit, limit_per_contact, expiration_duration, attributes,
                                                created_at, updated_at)
                        VALUES (:account, :id, :name, :description, :type, :redemptions, :voucherLimit,
                                :limitPerContact, :expiration, CAST(:attributes AS jsonb), :now, :now)
                        RETURNING""" + " " + COLUMNS)
                .param("account", account.value()).param("id", Ids.next(clock)).param("name", name)
                .param("description", description).param("type", type).param("redemptions", redemptionsPerVoucher)
                .param("voucherLimit", voucherLimit).param("limitPerContact", limitPerContact)
                .param("expiration", expirationDuration).param("attributes", json.writeValueAsString(attributes))
                .param("now", now)
                .query(this::map).single();
    }

    /**
     * Takes {@code count} vouchers from the promotion's voucher limit, guarded in one UPDATE so
     * parallel creations cannot pass it.
     * @return false when the limit would be exceeded
     */
    boolean reserveVouchers(AccountId account, UUID promotion, long count) {
        return db.sql("""
                        UPDATE promotions SET voucher_count = voucher_count + :count
                        WHERE account_id = :account AND id = :id
                          AND (voucher_limit IS NULL OR voucher_count + :count <= voucher_limit)""")
                .param("account", account.value()).param("id", promotion).param("count", count).update() == 1;
    }

    /** Gives back vouchers a failed batch did not make. */
    void releaseVouchers(AccountId account, UUID promotion, long count) {
        db.sql("""
                        UPDATE promotions SET voucher_count = GREATEST(0, voucher_count - :count)
                        WHERE account_id = :account AND id = :id""")
                .param("account", account.value()).param("id", promotion).param("count", count).update();
    }

    private Promotion map(ResultSet rs, int row) throws SQLException {
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = json.readValue(rs.getString("attributes"), Map.class);
        return new Promotion(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getString("type"), rs.getInt("redemptions_per_voucher"), (Long) rs.getObject("voucher_limit"),
                (Integer) rs.getObject("limit_per_contact"), (Long) rs.getObject("expiration_duration"), attributes);
    }
}
