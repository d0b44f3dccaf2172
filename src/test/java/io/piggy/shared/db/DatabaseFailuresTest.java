package io.piggy.shared.db;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {

    @Test
    void connectionResourceAndShutdownStatesAreUnavailability() {
        for (String state : new String[]{"08006", "08003", "08001", "53100", "53300", "57P01", "57P02", "57P03"}) {
            assertThat(DatabaseFailures.isUnavailable(new DataAccessResourceFailureException("x",
                    new SQLException("x", state)))).as(state).isTrue();
        }
    }

    @Test
    void noConnectionWithinThePoolTimeoutIsUnavailability() {
        SQLTransientConnectionException timeout = new SQLTransientConnectionException("piggy - Connection is not available");
        assertThat(DatabaseFailures.isUnavailable(new CannotGetJdbcConnectionException("x", timeout))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new CannotCreateTransactionException("x", timeout))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(timeout)).isTrue();
    }

    @Test
    void aFailedRollbackCountsByWhatFailedFirst() {
        TransactionSystemException rollback = new TransactionSystemException("rollback failed");
        rollback.initApplicationException(new SQLException("I/O error", "08006"));
        assertThat(DatabaseFailures.isUnavailable(rollback)).isTrue();
    }

    @Test
    void aCommitOrRollbackOnAClosedConnectionIsUnavailability() {
        // Hikari's closed connection names no SQLState; Spring throws the rollback's failure over the commit's
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        assertThat(DatabaseFailures.isUnavailable(rollback)).isTrue();
        TransactionSystemException afterOwnFailure = new TransactionSystemException("rollback failed");
        afterOwnFailure.initApplicationException(new IllegalArgumentException("bad input"));
        assertThat(DatabaseFailures.isUnavailable(afterOwnFailure)).as("the request's own failure counts").isFalse();
    }

    @Test
    void theRequestsOwnFailuresAreNot() {
        for (String state : new String[]{"23505", "40001", "40P01", "22021", "57014", null}) {
            assertThat(DatabaseFailures.isUnavailable(new DataIntegrityViolationException("x",
                    new SQLException("x", state)))).as(String.valueOf(state)).isFalse();
        }
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("x"))).isFalse();
    }
}
