package io.piggy.voucher;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
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
            expiration_duration, attributes::text AS attributes, active
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
                     Map<String, Object> attributes, boolean active) {
        /** 80020 when the promotion is switched off. */
        void requireActive() {
            if (!active) {
                throw new ApiException(ErrorCode.PROMOTION_INACTIVE, "The promotion is inactive; switch it on with "
                        + "PUT /promotions/{uuid} and status ACTIVE first.");
            }
        }
    }

    /** The changeable fields of a promotion; null limits and duration mean none. */
    record Changes(String name, String description, Long voucherLimit, Integer limitPerContact,
                   Long expirationDuration, Map<String, Object> attributes, boolean active) {
    }

    /** A promotion read with its row lock, and how many vouchers it has made or reserved. */
    record Locked(Promotion promotion, long reservedVouchers) {
    }

    List<Promotion> all(AccountId account) {
        return page(account, 0, Integer.MAX_VALUE);
    }

    /** Oldest first. */
    List<Promotion> page(AccountId account, long offset, int limit) {
        return db.sql("SELECT " + COLUMNS + """
                         FROM promotions WHERE account_id = :account ORDER BY created_at, id
                        LIMIT :limit OFFSET :offset""")
                .param("account", account.value()).param("limit", limit).param("offset", offset)
                .query(this::map).list();
    }

    long count(AccountId account) {
        return db.sql("SELECT count(*) FROM promotions WHERE account_id = :account")
                .param("account", account.value()).query(Long.class).single();
    }

    Optional<Promotion> find(AccountId account, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM promotions WHERE account_id = :account AND id = :id")
                .param("account", account.value()).param("id", id).query(this::map).optional();
    }

    Optional<Locked> lock(AccountId account, UUID id) {
        return db.sql("SELECT " + COLUMNS + ", voucher_count FROM promotions WHERE account_id = :account AND id = :id "
                        + "FOR UPDATE")
                .param("account", account.value()).param("id", id)
                .query((rs, n) -> new Locked(map(rs, n), rs.getLong("voucher_count"))).optional();
    }

    /** Writes every changeable field; the caller holds the row lock and has checked the voucher limit. */
    Promotion update(AccountId account, UUID id, Changes c) {
        return db.sql("""
                        UPDATE promotions SET name = :name, description = :description, voucher_limit = :voucherLimit,
                            limit_per_contact = :limitPerContact, expiration_duration = :expiration,
                            attributes = CAST(:attributes AS jsonb), active = :active, updated_at = :now
                        WHERE account_id = :account AND id = :id
                        RETURNING""" + " " + COLUMNS)
                .param("account", account.value()).param("id", id).param("name", c.name())
                .param("description", c.description()).param("voucherLimit", c.voucherLimit())
                .param("limitPerContact", c.limitPerContact()).param("expiration", c.expirationDuration())
                .param("attributes", json.writeValueAsString(c.attributes())).param("active", c.active())
                .param("now", Timestamp.from(clock.instant()))
                .query(this::map).single();
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
     * parallel creations cannot pass it, nor create vouchers once a switch-off has committed.
     * {@code created} of them are inserted in this same transaction (a single voucher; a batch
     * makes its vouchers later, see {@link #countCreated}).
     * @return false when the limit would be exceeded or the promotion is inactive
     */
    boolean reserveVouchers(AccountId account, UUID promotion, long count, long created) {
        return db.sql("""
                        UPDATE promotions SET voucher_count = voucher_count + :count,
                            vouchers_created = vouchers_created + :created
                        WHERE account_id = :account AND id = :id AND active
                          AND (voucher_limit IS NULL OR voucher_count + :count <= voucher_limit)""")
                .param("account", account.value()).param("id", promotion).param("count", count)
                .param("created", created).update() == 1;
    }

    /** Counts vouchers a batch chunk inserted, in the chunk's transaction. */
    void countCreated(AccountId account, UUID promotion, long created) {
        db.sql("""
                        UPDATE promotions SET vouchers_created = vouchers_created + :created
                        WHERE account_id = :account AND id = :id""")
                .param("account", account.value()).param("id", promotion).param("created", created).update();
    }

    /** How many vouchers exist: of one promotion, or (promotion null) of the whole account. */
    long vouchersCreated(AccountId account, UUID promotion) {
        return db.sql("SELECT COALESCE(sum(vouchers_created), 0)::bigint FROM promotions WHERE account_id = :account"
                        + (promotion == null ? "" : " AND id = :id"))
                .param("account", account.value()).param("id", promotion).query(Long.class).single();
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
                (Integer) rs.getObject("limit_per_contact"), (Long) rs.getObject("expiration_duration"), attributes,
                rs.getBoolean("active"));
    }
}
