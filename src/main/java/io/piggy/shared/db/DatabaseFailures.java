package io.piggy.shared.db;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a request that failed because the database is out of reach (down, restarting, full, out
 * of connections) from one that failed on its own: the first is a 503 to retry, not a 500.
 */
public final class DatabaseFailures {
    private DatabaseFailures() {
    }

    /**
     * Connection exceptions (SQLState 08…), insufficient resources such as a full disk or too many
     * connections (53…), a server shutting down, crashed or still recovering (57P…); no connection to
     * be had within the pool's timeout; or a commit or rollback that failed on a closed connection.
     */
    public static boolean isUnavailable(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql && isUnavailableState(sql.getSQLState())) {
                return true;
            }
            // A rollback on a lost connection fails too; what failed first is the application exception.
            // Without one, the commit or the rollback itself failed: PostgreSQL refuses neither on a live
            // connection for a reason the SQLState does not name (those arrive translated), so it is gone.
            if (t instanceof TransactionSystemException tx) {
                return tx.getApplicationException() == null || isUnavailable(tx.getApplicationException());
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }

    static boolean isUnavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P"));
    }
}
