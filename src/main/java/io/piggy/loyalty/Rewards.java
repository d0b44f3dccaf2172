package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.shared.attribute.AttributeValues;
import io.piggy.shared.db.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Repository
class Rewards {
    /** Columns of a reward row named {@code rewards}; a DIGITAL reward with codes counts its free ones. */
    private static final String COLUMNS = """
            rewards.id, rewards.display_id, rewards.title, rewards.description, rewards.required_credits,
            rewards.reward_type, rewards.stock, rewards.active, rewards.limit_per_contact, rewards.expiration_duration,
            rewards.media::text AS media, rewards.attributes::text AS attributes, rewards.created_at, rewards.updated_at,
            CASE WHEN rewards.reward_type = 'DIGITAL' AND EXISTS (""" + RewardCodes.ANY_CODE + """
            ) THEN (""" + RewardCodes.FREE_COUNT + """
            ) END AS free_codes
            """;
    private final JdbcClient db;
    private final JsonMapper json;
    private final Clock clock;

    Rewards(JdbcClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /** What a reward is made of (for an update: the stored reward with the changes applied). */
    record Fields(String title, String description, Long requiredCredits, String rewardType, Long stock, Boolean active,
                  Long limitPerContact, Long expirationDuration, Reward.Media media,
                  AttributeValues.CheckedValues attributes) {
    }

    Reward create(AccountId account, Fields f) {
        Timestamp now = Timestamp.from(clock.instant());
        return db.sql("""
                        INSERT INTO rewards (account_id, id, title, description, required_credits, reward_type, stock,
                                             active, limit_per_contact, expiration_duration, media, attributes,
                                             created_at, updated_at)
                        VALUES (:account, :id, :title, :description, :required, :type, :stock, :active, :limit,
                                :expiration, CAST(:media AS jsonb), CAST(:attributes AS jsonb), :now, :now)
                        RETURNING""" + " " + COLUMNS)
                .param("account", account.value()).param("id", Ids.next(clock)).param("title", f.title())
                .param("description", f.description()).param("required", f.requiredCredits())
                .param("type", f.rewardType()).param("stock", f.stock()).param("active", f.active())
                .param("limit", f.limitPerContact()).param("expiration", f.expirationDuration())
                .param("media", f.media() == null ? null : json.writeValueAsString(f.media()))
                .param("attributes", json.writeValueAsString(f.attributes().set())).param("now", now)
                .query(this::map).single();
    }

    /**
     * Overwrites the reward with {@code f} (the caller merged it with the stored reward); attribute
     * values are set and removed name by name, the others stay.
     */
    Optional<Reward> update(AccountId account, UUID id, Fields f) {
        return db.sql("""
                        UPDATE rewards SET title = :title, description = :description, required_credits = :required,
                               reward_type = :type, stock = :stock, active = :active, limit_per_contact = :limit,
                               expiration_duration = :expiration, media = CAST(:media AS jsonb),
                               attributes = (attributes - CAST(:clear AS text[])) || CAST(:attributes AS jsonb),
                               updated_at = :now
                        WHERE account_id = :account AND id = :id
                        RETURNING""" + " " + COLUMNS)
                .param("title", f.title()).param("description", f.description()).param("required", f.requiredCredits())
                .param("type", f.rewardType()).param("stock", f.stock()).param("active", f.active())
                .param("limit", f.limitPerContact()).param("expiration", f.expirationDuration())
                .param("media", f.media() == null ? null : json.writeValueAsString(f.media()))
                .param("attributes", json.writeValueAsString(f.attributes().set()))
                .param("clear", f.attributes().clear().toArray(String[]::new))
                .param("now", Timestamp.from(clock.instant()))
                .param("account", account.value()).param("id", id)
                .query(this::map).optional();
    }

    Optional<Reward> find(AccountId account, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM rewards WHERE rewards.account_id = :account AND rewards.id = :id")
                .param("account", account.value()).param("id", id).query(this::map).optional();
    }

    Map<UUID, Reward> findAll(AccountId account, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.sql("SELECT " + COLUMNS + " FROM rewards WHERE rewards.account_id = :account AND rewards.id IN (:ids)")
                .param("account", account.value()).param("ids", ids).query(this::map).list().stream()
                .collect(Collectors.toMap(Reward::id, Function.identity()));
    }

    List<Reward> all(AccountId account) {
        return db.sql("SELECT " + COLUMNS
                        + " FROM rewards WHERE rewards.account_id = :account ORDER BY rewards.created_at, rewards.id")
                .param("account", account.value()).query(this::map).list();
    }

    /**
     * The rewards these contacts (one contact and those merged into it) can claim now: active,
     * in stock, affordable with the balance and under their claim limit.
     */
    List<Reward> claimable(AccountId account, Collection<UUID> contacts, long balance) {
        return db.sql("SELECT " + COLUMNS + """
                         FROM rewards
                        WHERE rewards.account_id = :account AND rewards.active
                          AND (rewards.stock IS NULL OR rewards.stock > 0)
                          AND (rewards.reward_type <> 'DIGITAL' OR NOT EXISTS (""" + RewardCodes.ANY_CODE + """
                              ) OR EXISTS (""" + RewardCodes.ANY_FREE_CODE + """
                              ))
                          AND rewards.required_credits <= :balance
                          AND (rewards.limit_per_contact IS NULL OR rewards.limit_per_contact > ("""
                        + LoyaltyTransactions.openClaims("rewards.id") + """
                        ))
                        ORDER BY rewards.created_at, rewards.id""")
                .param("account", account.value()).param("balance", balance).param("contacts", contacts)
                .query(this::map).list();
    }

    /** Takes one from a limited stock; false when it is empty. Unlimited rewards are not touched (no lock). */
    boolean takeOne(AccountId account, UUID id) {
        return db.sql("""
                        UPDATE rewards SET stock = stock - 1
                        WHERE account_id = :account AND id = :id AND stock IS NOT NULL AND stock > 0""")
                .param("account", account.value()).param("id", id).update() == 1;
    }

    /**
     * A DIGITAL reward that gets codes: its free codes are its stock from now on, so the stored
     * stock goes. Locks the reward row; false when the reward is not DIGITAL (or unknown).
     */
    boolean dropStockForCodes(AccountId account, UUID id) {
        return db.sql("UPDATE rewards SET stock = NULL WHERE account_id = :account AND id = :id AND reward_type = 'DIGITAL'")
                .param("account", account.value()).param("id", id).update() == 1;
    }

    void putBack(AccountId account, UUID id) {
        db.sql("UPDATE rewards SET stock = stock + 1 WHERE account_id = :account AND id = :id AND stock IS NOT NULL")
                .param("account", account.value()).param("id", id).update();
    }

    private Reward map(ResultSet rs, int row) throws SQLException {
        String media = rs.getString("media");
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = json.readValue(rs.getString("attributes"), Map.class);
        return new Reward(rs.getObject("id", UUID.class), rs.getLong("display_id"), rs.getString("title"),
                rs.getString("description"), rs.getLong("required_credits"), rs.getString("reward_type"),
                (Long) rs.getObject("stock"), (Long) rs.getObject("free_codes"), rs.getBoolean("active"),
                (Long) rs.getObject("limit_per_contact"), (Long) rs.getObject("expiration_duration"),
                media == null ? null : json.readValue(media, Reward.Media.class), attributes,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
