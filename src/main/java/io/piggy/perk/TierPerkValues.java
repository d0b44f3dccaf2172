package io.piggy.perk;

import io.piggy.account.AccountId;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The value each tier gives per perk; a perk without a row here gives its default. */
@Repository
class TierPerkValues {
    private final JdbcClient db;
    private final Clock clock;

    TierPerkValues(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The tier's values by perk. */
    Map<UUID, String> of(AccountId account, UUID tier) {
        Map<UUID, String> values = new HashMap<>();
        db.sql("SELECT perk_id, value FROM tier_perk_values WHERE account_id = :account AND tier_id = :tier")
                .param("account", account.value()).param("tier", tier)
                .query((RowCallbackHandler) rs -> values.put(rs.getObject("perk_id", UUID.class), rs.getString("value")));
        return values;
    }

    /**
     * Holds these perks as they are until the transaction ends: a perk's options change under the
     * perk row's lock (see {@link Perks#touch}), so a value checked now stays an option.
     */
    void lockPerks(AccountId account, Collection<UUID> perks) {
        db.sql("SELECT id FROM perks WHERE account_id = :account AND id = ANY(CAST(:perks AS uuid[])) ORDER BY id FOR SHARE")
                .param("account", account.value()).param("perks", perks.stream().map(UUID::toString).toArray(String[]::new))
                .query(UUID.class).list();
    }

    void set(AccountId account, UUID tier, UUID perk, String value) {
        db.sql("""
                        INSERT INTO tier_perk_values (account_id, tier_id, perk_id, value, updated_at)
                        VALUES (:account, :tier, :perk, :value, :now)
                        ON CONFLICT (account_id, tier_id, perk_id) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at""")
                .param("account", account.value()).param("tier", tier).param("perk", perk).param("value", value)
                .param("now", Timestamp.from(clock.instant())).update();
    }

    void clear(AccountId account, UUID tier, UUID perk) {
        db.sql("DELETE FROM tier_perk_values WHERE account_id = :account AND tier_id = :tier AND perk_id = :perk")
                .param("account", account.value()).param("tier", tier).param("perk", perk).update();
    }
}
