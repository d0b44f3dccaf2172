package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.db.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

@Repository
class Tiers {
    private static final String COLUMNS = "id, display_id, name, description, position, threshold";
    private final JdbcClient db;
    private final Clock clock;
    private final AdvisoryLocks locks;

    Tiers(JdbcClient db, Clock clock, AdvisoryLocks locks) {
        this.db = db;
        this.clock = clock;
        this.locks = locks;
    }

    /** Lowest first. */
    List<Tier> all(AccountId account) {
        return db.sql("SELECT " + COLUMNS + " FROM tiers WHERE account_id = :account ORDER BY position")
                .param("account", account.value()).query(this::map).list();
    }

    /** Holds off other tier changes of the account until the transaction ends. */
    void lock(AccountId account) {
        locks.lock("tiers:" + account.value());
    }

    Tier insert(AccountId account, String name, String description, int position, long threshold) {
        return db.sql("INSERT INTO tiers (account_id, id, name, description, position, threshold, created_at) "
                        + "VALUES (:account, :id, :name, :description, :position, :threshold, :now) RETURNING " + COLUMNS)
                .param("account", account.value()).param("id", Ids.next(clock)).param("name", name)
                .param("description", description).param("position", position).param("threshold", threshold)
                .param("now", Timestamp.from(clock.instant())).query(this::map).single();
    }

    private Tier map(ResultSet rs, int row) throws SQLException {
        return new Tier(rs.getObject("id", UUID.class), rs.getLong("display_id"), rs.getString("name"),
                rs.getString("description"), rs.getInt("position"), rs.getLong("threshold"));
    }
}
