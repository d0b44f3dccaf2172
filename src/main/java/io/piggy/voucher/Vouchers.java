package io.piggy.voucher;

import io.piggy.account.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Vouchers of an account. A voucher's status is derived from its columns at the time of reading. */
@Repository
class Vouchers {
    static final List<String> STATUSES = List.of("ACTIVE", "REDEEMED", "EXPIRED", "DEACTIVATED", "INACTIVE", "LOCKED");
    /** The one definition of a voucher's status; bind :now. The order is the order redeem checks in. */
    static final String STATUS_SQL = """
            CASE WHEN v.deactivated THEN 'DEACTIVATED'
                 WHEN v.times_redeemed >= v.redemptions_allowed THEN 'REDEEMED'
                 WHEN v.expiration_date <= :now THEN 'EXPIRED'
                 WHEN v.activation_date > :now THEN 'INACTIVE'
                 WHEN v.lock_release_at > :now THEN 'LOCKED'
                 ELSE 'ACTIVE' END""";
    private static final String COLUMNS = "v.id, v.code, v.promotion_id, v.contact_id, v.batch_id, " + STATUS_SQL + """
             AS status, v.activation_date, v.expiration_date, v.redemptions_allowed, v.times_redeemed,
                v.redeemed_at, v.attributes::text AS attributes, v.release_key, v.locked_at, v.lock_release_at,
                v.unlocked_at, v.created_at
            """;
    private static final String SELECT = "SELECT " + COLUMNS + " FROM vouchers v\n";

    private final JdbcClient db;
    private final JsonMapper json;
    private final Clock clock;

    Vouchers(JdbcClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    record Voucher(UUID id, String code, UUID promotionId, UUID contactId, UUID batchId, String status,
                   Instant activationDate, Instant expirationDate, int redemptionsAllowed, int timesRedeemed,
                   Instant redeemedAt, Map<String, Object> attributes, String releaseKey, Instant lockedAt,
                   Instant lockReleaseAt, Instant unlockedAt, Instant createdAt) {
        int remaining() {
            return redemptionsAllowed - timesRedeemed;
        }
    }

    record NewVoucher(UUID id, String code, UUID promotionId, UUID contactId, Instant activationDate,
                      Instant expirationDate, int redemptionsAllowed, Map<String, Object> attributes) {
    }

    /**
     * For each status, a condition it implies on a column that has an index (or, for REDEEMED,
     * through the redemption rows), added beside the status itself so that PostgreSQL can use
     * the index for statuses that are rare; ACTIVE, usually most vouchers, needs none.
     */
    private static final Map<String, String> STATUS_INDEX_CONDITIONS = Map.of(
            "ACTIVE", "",
            "DEACTIVATED", " AND v.deactivated",
            "REDEEMED", " AND v.times_redeemed >= v.redemptions_allowed AND v.id IN ("
                    + "SELECT r.voucher_id FROM voucher_redemptions r WHERE r.account_id = :account)",
            "EXPIRED", " AND v.expiration_date <= :now",
            "INACTIVE", " AND v.activation_date > :now",
            "LOCKED", " AND v.lock_release_at > :now");

    /** What GET /vouchers filters by; status is one of {@link #STATUSES} or null. */
    record Filter(UUID promotion, UUID contact, String status) {
        Filter {
            if (status != null && !STATUSES.contains(status)) {
                throw new IllegalArgumentException("Unknown voucher status " + status);
            }
        }

        String sql() {
            // the status is one of STATUSES, so it goes into the text: each status gets a plan of its own
            return (promotion == null ? "" : " AND v.promotion_id = :promotion")
                    + (contact == null ? "" : " AND v.contact_id = :contact")
                    + (status == null ? "" : " AND " + STATUS_SQL + " = '" + status + "'"
                    + STATUS_INDEX_CONDITIONS.get(status));
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            return spec.param("promotion", promotion).param("contact", contact);
        }
    }

    Optional<Voucher> find(AccountId account, UUID id) {
        return query(SELECT + "WHERE v.account_id = :account AND v.id = :id", account).param("id", id)
                .query(this::map).optional();
    }

    /** Codes are case-insensitive: found through the unique index on upper(code). */
    Optional<Voucher> findByCode(AccountId account, String code) {
        return query(SELECT + "WHERE v.account_id = :account AND upper(v.code) = upper(:code)", account)
                .param("code", code).query(this::map).optional();
    }

    /** Reads and row-locks the voucher until the transaction ends: redemptions and locks serialize on it. */
    Optional<Voucher> lock(AccountId account, UUID id) {
        return query(SELECT + "WHERE v.account_id = :account AND v.id = :id FOR UPDATE", account).param("id", id)
                .query(this::map).optional();
    }

    List<Voucher> list(AccountId account, Filter filter, long offset, int limit) {
        return filter.bind(query(SELECT + "WHERE v.account_id = :account" + filter.sql()
                        + " ORDER BY v.id LIMIT :limit OFFSET :offset", account))
                .param("limit", limit).param("offset", offset).query(this::map).list();
    }

    /** Counts the matches, but stops at {@code cap} (so it answers at most cap). */
    long countUpTo(AccountId account, Filter filter, int cap) {
        return filter.bind(query("SELECT count(*) FROM (SELECT 1 FROM vouchers v WHERE v.account_id = :account"
                        + filter.sql() + " LIMIT :cap) AS matches", account))
                .param("cap", cap).query(Long.class).single();
    }

    /** @return false when the account has a voucher with this code (in any case) */
    boolean insert(AccountId account, NewVoucher v) {
        Timestamp now = Timestamp.from(clock.instant());
        return db.sql("""
                        INSERT INTO vouchers (account_id, id, code, promotion_id, contact_id, activation_date,
                                              expiration_date, redemptions_allowed, attributes, created_at, updated_at)
                        VALUES (:account, :id, :code, :promotion, :contact, :activation, :expiration, :allowed,
                                CAST(:attributes AS jsonb), :now, :now)
                        ON CONFLICT DO NOTHING""")
                .param("account", account.value()).param("id", v.id()).param("code", v.code())
                .param("promotion", v.promotionId()).param("contact", v.contactId())
                .param("activation", timestamp(v.activationDate())).param("expiration", timestamp(v.expirationDate()))
                .param("allowed", v.redemptionsAllowed()).param("attributes", jsonOrNull(v.attributes()))
                .param("now", now).update() == 1;
    }

    /**
     * Redeems {@code times} in one guarded UPDATE: only a voucher that is ACTIVE, or LOCKED with this
     * release key, that still belongs to {@code contact} (none, or that one) and has {@code times}
     * redemptions left. The UPDATE takes the row lock and re-checks after waiting for it, so
     * parallel redeems cannot pass the count. Ends any lock (a redemption uses up its lock).
     * @return the voucher as it is now, or empty when a guard failed
     */
    Optional<Voucher> redeem(AccountId account, UUID id, UUID contact, String releaseKey, int times, Instant at) {
        return db.sql("""
                        UPDATE vouchers v SET times_redeemed = times_redeemed + :times, redeemed_at = :now,
                            release_key = NULL, lock_release_at = NULL,
                            unlocked_at = CASE WHEN lock_release_at > :now THEN :now ELSE unlocked_at END,
                            updated_at = :now
                        WHERE account_id = :account AND id = :id AND times_redeemed + :times <= redemptions_allowed
                          AND contact_id IS NOT DISTINCT FROM CAST(:contact AS uuid)
                          AND CASE""" + " " + STATUS_SQL + """
                         WHEN 'ACTIVE' THEN true
                                   WHEN 'LOCKED' THEN v.release_key = CAST(:key AS text) ELSE false END
                        RETURNING""" + " " + COLUMNS)
                .param("account", account.value()).param("id", id).param("times", times).param("contact", contact)
                .param("key", releaseKey).param("now", Timestamp.from(at)).query(this::map).optional();
    }

    boolean unredeem(AccountId account, UUID id, Instant at) {
        return db.sql("""
                        UPDATE vouchers SET times_redeemed = times_redeemed - 1, updated_at = :at,
                            redeemed_at = CASE WHEN times_redeemed = 1 THEN NULL ELSE redeemed_at END
                        WHERE account_id = :account AND id = :id AND times_redeemed >= 1""")
                .param("account", account.value()).param("id", id).param("at", Timestamp.from(at)).update() == 1;
    }

    void setLock(AccountId account, UUID id, String releaseKey, Instant lockedAt, Instant releaseAt) {
        db.sql("""
                        UPDATE vouchers SET release_key = :key, locked_at = :lockedAt, lock_release_at = :releaseAt,
                            unlocked_at = NULL, updated_at = :lockedAt
                        WHERE account_id = :account AND id = :id""")
                .param("account", account.value()).param("id", id).param("key", releaseKey)
                .param("lockedAt", Timestamp.from(lockedAt)).param("releaseAt", Timestamp.from(releaseAt)).update();
    }

    void release(AccountId account, UUID id, Instant at) {
        db.sql("""
                        UPDATE vouchers SET lock_release_at = NULL, unlocked_at = :at, updated_at = :at
                        WHERE account_id = :account AND id = :id""")
                .param("account", account.value()).param("id", id).param("at", Timestamp.from(at)).update();
    }

    void update(AccountId account, UUID id, boolean deactivated, Instant expirationDate, Map<String, Object> attributes) {
        db.sql("""
                        UPDATE vouchers SET deactivated = :deactivated, expiration_date = :expiration,
                            attributes = CAST(:attributes AS jsonb), updated_at = :now
                        WHERE account_id = :account AND id = :id""")
                .param("account", account.value()).param("id", id).param("deactivated", deactivated)
                .param("expiration", timestamp(expirationDate)).param("attributes", jsonOrNull(attributes))
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** Moves a contact's vouchers to another contact (contact merge). */
    int moveContact(AccountId account, UUID from, UUID to) {
        return db.sql("""
                        UPDATE vouchers SET contact_id = :to, updated_at = :now
                        WHERE account_id = :account AND contact_id = :from""")
                .param("account", account.value()).param("from", from).param("to", to)
                .param("now", Timestamp.from(clock.instant())).update();
    }

    private JdbcClient.StatementSpec query(String sql, AccountId account) {
        return db.sql(sql).param("account", account.value()).param("now", Timestamp.from(clock.instant()));
    }

    String jsonOrNull(Map<String, Object> map) {
        return map == null || map.isEmpty() ? null : json.writeValueAsString(map);
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private Voucher map(ResultSet rs, int row) throws SQLException {
        String attributes = rs.getString("attributes");
        @SuppressWarnings("unchecked")
        Map<String, Object> values = attributes == null ? Map.of() : json.readValue(attributes, Map.class);
        return new Voucher(rs.getObject("id", UUID.class), rs.getString("code"), rs.getObject("promotion_id", UUID.class),
                rs.getObject("contact_id", UUID.class), rs.getObject("batch_id", UUID.class), rs.getString("status"),
                instant(rs, "activation_date"), instant(rs, "expiration_date"), rs.getInt("redemptions_allowed"),
                rs.getInt("times_redeemed"), instant(rs, "redeemed_at"), values, rs.getString("release_key"),
                instant(rs, "locked_at"), instant(rs, "lock_release_at"), instant(rs, "unlocked_at"),
                instant(rs, "created_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
