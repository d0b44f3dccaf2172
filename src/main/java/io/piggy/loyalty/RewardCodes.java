package io.piggy.loyalty;

import io.piggy.account.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The code pools of DIGITAL rewards. A reception takes the oldest free code with
 * {@code FOR UPDATE SKIP LOCKED}: concurrent receptions of one reward each get another code without
 * waiting for each other, and a code is handed out at most once.
 */
@Repository
class RewardCodes {
    /** Whether the reward row named {@code rewards} has any code (free or handed out). */
    static final String ANY_CODE = """
            SELECT 1 FROM reward_codes c WHERE c.account_id = rewards.account_id AND c.reward_id = rewards.id""";
    /** Whether the reward row named {@code rewards} has a free code. */
    static final String ANY_FREE_CODE = ANY_CODE + " AND c.transaction_id IS NULL";
    /** The free codes of the reward row named {@code rewards}. */
    static final String FREE_COUNT = """
            SELECT count(*) FROM reward_codes c
            WHERE c.account_id = rewards.account_id AND c.reward_id = rewards.id AND c.transaction_id IS NULL""";

    private final JdbcClient db;

    RewardCodes(JdbcClient db) {
        this.db = db;
    }

    record Counts(long available, long issued) {
    }

    /** Adds the codes the pool does not have yet, in the given order; answers those it added. */
    List<String> add(AccountId account, UUID reward, Collection<String> codes, Instant now) {
        return db.sql("""
                        INSERT INTO reward_codes (account_id, reward_id, code, created_at)
                        SELECT :account, :reward, t.code, :now
                        FROM unnest(CAST(:codes AS text[])) WITH ORDINALITY AS t(code, n)
                        ORDER BY t.n
                        ON CONFLICT DO NOTHING
                        RETURNING code""")
                .param("account", account.value()).param("reward", reward).param("now", Timestamp.from(now))
                .param("codes", codes.toArray(String[]::new))
                .query(String.class).list();
    }

    Counts counts(AccountId account, UUID reward) {
        return db.sql("""
                        SELECT count(*) FILTER (WHERE transaction_id IS NULL) AS available,
                               count(*) FILTER (WHERE transaction_id IS NOT NULL) AS issued
                        FROM reward_codes WHERE account_id = :account AND reward_id = :reward""")
                .param("account", account.value()).param("reward", reward)
                .query((rs, n) -> new Counts(rs.getLong("available"), rs.getLong("issued"))).single();
    }

    boolean any(AccountId account, UUID reward) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM reward_codes WHERE account_id = :account AND reward_id = :reward)")
                .param("account", account.value()).param("reward", reward).query(Boolean.class).single();
    }

    /**
     * Hands the oldest free code to the reception {@code transaction} (written in this transaction);
     * empty when every code is taken or being taken right now.
     */
    Optional<String> take(AccountId account, UUID reward, UUID transaction, Instant now) {
        return db.sql("""
                        UPDATE reward_codes SET transaction_id = :transaction, issued_at = :now
                        WHERE account_id = :account AND reward_id = :reward AND transaction_id IS NULL
                          AND code = (SELECT code FROM reward_codes
                                      WHERE account_id = :account AND reward_id = :reward AND transaction_id IS NULL
                                      ORDER BY seq LIMIT 1
                                      FOR UPDATE SKIP LOCKED)
                        RETURNING code""")
                .param("transaction", transaction).param("now", Timestamp.from(now))
                .param("account", account.value()).param("reward", reward)
                .query(String.class).optional();
    }

    /** The codes handed to these receptions, by reception. */
    Map<UUID, String> ofReceptions(AccountId account, Collection<UUID> transactions) {
        if (transactions.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> codes = new HashMap<>();
        db.sql("""
                        SELECT transaction_id, code FROM reward_codes
                        WHERE account_id = :account AND transaction_id IN (:transactions)""")
                .param("account", account.value()).param("transactions", transactions)
                .query((ResultSet rs) -> {
                    codes.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return codes;
    }
}
