package io.piggy.loyalty;

import io.piggy.account.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The changing state of reward receptions (the ledger rows themselves never change): expiry,
 * collection and reversal. Collecting and reversing each update the reception's row under guards
 * on that row, so of two concurrent calls the second waits for the first and then finds the row
 * changed: exactly one of them wins.
 */
@Repository
class RewardReceptionStates {
    private static final String COLUMNS = "transaction_id, reward_type, expires_at, collected_at, reversed_at";
    private final JdbcClient db;

    RewardReceptionStates(JdbcClient db) {
        this.db = db;
    }

    /** A reception's state; {@code rewardType} is the reward's type when it was claimed. */
    record State(UUID transactionId, String rewardType, Instant expiresAt, Instant collectedAt, Instant reversedAt) {
        boolean physical() {
            return Reward.PHYSICAL.equals(rewardType);
        }

        boolean collected() {
            return collectedAt != null;
        }

        boolean expiredAt(Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }
    }

    /** Written in the transaction of the reception's ledger row. */
    void insert(AccountId account, UUID transaction, String rewardType, Instant expiresAt) {
        db.sql("""
                        INSERT INTO reward_reception_states (account_id, transaction_id, reward_type, expires_at)
                        VALUES (:account, :transaction, :type, :expires)""")
                .param("account", account.value()).param("transaction", transaction).param("type", rewardType)
                .param("expires", timestamp(expiresAt)).update();
    }

    Optional<State> find(AccountId account, UUID transaction) {
        return db.sql("SELECT " + COLUMNS + " FROM reward_reception_states"
                        + " WHERE account_id = :account AND transaction_id = :id")
                .param("account", account.value()).param("id", transaction).query(RewardReceptionStates::state)
                .optional();
    }

    Map<UUID, State> ofReceptions(AccountId account, Collection<UUID> transactions) {
        if (transactions.isEmpty()) {
            return Map.of();
        }
        return db.sql("SELECT " + COLUMNS + " FROM reward_reception_states"
                        + " WHERE account_id = :account AND transaction_id IN (:ids)")
                .param("account", account.value()).param("ids", transactions).query(RewardReceptionStates::state).list()
                .stream().collect(Collectors.toMap(State::transactionId, Function.identity()));
    }

    /** Marks a PHYSICAL reception collected; false when it is not one, or is collected, reversed or expired. */
    boolean collect(AccountId account, UUID transaction, Instant now) {
        return db.sql("""
                        UPDATE reward_reception_states SET collected_at = :now
                        WHERE account_id = :account AND transaction_id = :id AND reward_type = 'PHYSICAL'
                          AND collected_at IS NULL AND reversed_at IS NULL AND (expires_at IS NULL OR expires_at > :now)""")
                .param("now", Timestamp.from(now)).param("account", account.value()).param("id", transaction)
                .update() == 1;
    }

    /**
     * Marks a reception reversed (call in the reversal's transaction, before its ledger row); false
     * when it was collected or reversed already.
     */
    boolean markReversed(AccountId account, UUID transaction, Instant now) {
        return db.sql("""
                        UPDATE reward_reception_states SET reversed_at = :now
                        WHERE account_id = :account AND transaction_id = :id AND collected_at IS NULL AND reversed_at IS NULL""")
                .param("now", Timestamp.from(now)).param("account", account.value()).param("id", transaction)
                .update() == 1;
    }

    private static State state(ResultSet rs, int row) throws SQLException {
        return new State(rs.getObject("transaction_id", UUID.class), rs.getString("reward_type"),
                instant(rs, "expires_at"), instant(rs, "collected_at"), instant(rs, "reversed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
