package io.piggy.account;

import io.piggy.shared.db.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
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

    boolean any() {
        return db.sql("SELECT EXISTS (SELECT 1 FROM accounts)").query(Boolean.class).single();
    }

    /** Serialises first-start work across instances that start at the same moment. */
    void lockForBootstrap() {
        db.sql("SELECT pg_advisory_xact_lock(7431001)").query().singleValue();
    }
}
