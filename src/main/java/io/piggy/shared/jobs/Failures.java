package io.piggy.shared.jobs;

import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells background work whether a failure may pass by itself (retry later) or will happen again
 * (give up). Decided by PostgreSQL's SQLState where there is one, since Spring translates a lost
 * connection (08…), a shutdown (57P…) or a full disk (53…) into "non-transient" resource failures.
 */
public final class Failures {
    private Failures() {
    }

    /**
     * Transient: connection exceptions (08…), serialization failures (40001) and deadlocks (40P01),
     * insufficient resources such as a full disk or too many connections (53…), and an operator or
     * crash shutdown (57P…); or no connection could be had at all. Everything else is permanent.
     */
    public static boolean isTransient(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return true;
            }
            // A rollback on a lost connection fails too; what failed first is the application exception.
            if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null
                    && isTransient(tx.getApplicationException())) {
                return true;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }

    static boolean isTransientState(String state) {
        return state != null && (state.startsWith("08") || state.equals("40001") || state.equals("40P01")
                || state.startsWith("53") || state.startsWith("57P"));
    }
}
