package io.piggy.account;

import io.piggy.shared.db.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Accounts with what every new account starts with: a shop, a loyalty program and a unit. */
@Repository
class Accounts {
    private final JdbcClient db;
    private final Clock clock;

    Accounts(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    record Account(UUID id, String name) {
    }

    /** An account as the operator lists it; the oldest is the one first start created ("Default"). */
    record Listed(UUID id, String name, Instant createdAt, boolean oldest) {
    }

    /** Call inside a transaction: the account and its defaults appear together or not at all. */
    Account create(String name) {
        UUID id = Ids.next(clock);
        Timestamp now = Timestamp.from(clock.instant());
        db.sql("INSERT INTO accounts (id, name, created_at) VALUES (:id, :name, :now)")
                .param("id", id).param("name", name).param("now", now).update();
        db.sql("""
                INSERT INTO shops (account_id, id, name, type, created_at)
                VALUES (:account, :id, 'Main shop', 'physical', :now)""")
                .param("account", id).param("id", Ids.next(clock)).param("now", now).update();
        db.sql("""
                INSERT INTO loyalty_programs (account_id, name, created_at)
                VALUES (:account, :name, :now)""")
                .param("account", id).param("name", name + " loyalty program").param("now", now).update();
        db.sql("""
                INSERT INTO units (account_id, id, name, label, prefix, is_default, created_at, updated_at)
                VALUES (:account, :id, 'purchase_amount', 'Purchase amount', '€', true, :now, :now)""")
                .param("account", id).param("id", Ids.next(clock)).param("now", now).update();
        return new Account(id, name);
    }

    Optional<Account> find(UUID id) {
        return db.sql("SELECT id, name FROM accounts WHERE id = :id").param("id", id)
                .query(Account.class).optional();
    }

    Optional<Account> oldest() {
        return db.sql("SELECT id, name FROM accounts ORDER BY created_at, id LIMIT 1").query(Account.class).optional();
    }

    /** Oldest first, so the first start's account leads. */
    List<Listed> page(long offset, int limit) {
        return db.sql("""
                        SELECT id, name, created_at, id = (SELECT id FROM accounts ORDER BY created_at, id LIMIT 1) AS oldest
                        FROM accounts ORDER BY created_at, id OFFSET :offset LIMIT :limit""")
                .param("offset", offset).param("limit", limit)
                .query((rs, n) -> new Listed(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(), rs.getBoolean("oldest")))
                .list();
    }

    long count() {
        return db.sql("SELECT count(*) FROM accounts").query(Long.class).single();
    }

    boolean any() {
        return db.sql("SELECT EXISTS (SELECT 1 FROM accounts)").query(Boolean.class).single();
    }

    /** Serialises first-start work across instances that start at the same moment. */
    void lockForBootstrap() {
        db.sql("SELECT pg_advisory_xact_lock(7431001)").query().singleValue();
    }
}
