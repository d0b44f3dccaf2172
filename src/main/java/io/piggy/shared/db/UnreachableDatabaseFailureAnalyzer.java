package io.piggy.shared.db;

import com.zaxxer.hikari.pool.HikariPool;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * An external database that cannot be reached at start-up: a few lines that say what failed and
 * what to check, instead of the hundred-line chain of bean-creation exceptions around it (Spring
 * Boot then logs that chain only at DEBUG).
 */
class UnreachableDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<HikariPool.PoolInitializationException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, HikariPool.PoolInitializationException cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = cause.getCause() != null ? cause.getCause().getMessage() : cause.getMessage();
        return new FailureAnalysis("Piggy could not connect to its PostgreSQL: " + reason
                + (root != cause.getCause() && root.getMessage() != null ? " (" + root.getMessage() + ")" : ""),
                """
                Check that
                  - PostgreSQL is running and accepts TCP connections at the host and port of PIGGY_DATABASE_URL
                    (jdbc:postgresql://host:5432/piggy; listen_addresses and pg_hba.conf on the server);
                  - the database in that URL exists (createdb piggy) and PIGGY_DATABASE_USER may connect to it
                    and create tables in it (Piggy migrates its schema itself);
                  - PIGGY_DATABASE_PASSWORD is that user's password.
                Leave PIGGY_DATABASE_URL unset to run on the embedded PostgreSQL in PIGGY_DATA_DIR instead.
                See docs/operations.md.""", cause);
    }
}
