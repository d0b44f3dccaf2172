package io.piggy.contact;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Named PostgreSQL locks held until the current transaction ends (on every instance sharing the database). */
@Component
class AdvisoryLocks {
    private final JdbcClient db;

    AdvisoryLocks(JdbcClient db) {
        this.db = db;
    }

    /** Waits for the lock; must run inside a transaction, or it is released at once. */
    void lock(String name) {
        db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:name, 0))").param("name", name).query((rs, n) -> 1).single();
    }
}
