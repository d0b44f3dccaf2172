package io.piggy.shared.jobs;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {
    @Test
    void connectionLossesDeadlocksFullDisksAndShutdownsAreTransient() {
        for (String state : List.of("08000", "08003", "08006", "08001", "40001", "40P01", "53100", "53200",
                "53300", "57P01", "57P02", "57P03")) {
            // as Spring hands them over: translated, with PostgreSQL's exception as the cause
            SQLException sql = new SQLException("from PostgreSQL", state);
            assertThat(Failures.isTransient(new UncategorizedSQLException("chunk", "INSERT", sql))).as(state).isTrue();
            assertThat(Failures.isTransient(new DataAccessResourceFailureException("chunk", sql))).as(state).isTrue();
        }
        assertThat(Failures.isTransient(new TransactionSystemException("Could not commit",
                new SQLException("I/O error", "08006")))).as("lost at commit").isTrue();
        assertThat(Failures.isTransient(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("pool - Connection is not available", "55000"))))
                .as("the pool could not get a connection").isTrue();
        assertThat(Failures.isTransient(new PessimisticLockingFailureException("lock"))).isTrue();
    }

    @Test
    void everythingElseIsPermanent() {
        for (String state : List.of("23505", "23514", "22001", "42P01", "42703", "XX000", "P0001", "55000")) {
            SQLException sql = new SQLException("from PostgreSQL", state);
            assertThat(Failures.isTransient(new UncategorizedSQLException("chunk", "INSERT", sql))).as(state).isFalse();
        }
        assertThat(Failures.isTransient(new DuplicateKeyException("dup", new SQLException("dup", "23505")))).isFalse();
        assertThat(Failures.isTransient(new DataIntegrityViolationException("check"))).isFalse();
        assertThat(Failures.isTransient(new BadSqlGrammarException("chunk", "SELEC", new SQLException("x", "42601"))))
                .isFalse();
        assertThat(Failures.isTransient(new SQLException("no state"))).isFalse();
        assertThat(Failures.isTransient(new IllegalStateException("bug"))).isFalse();
        assertThat(Failures.isTransient(new NullPointerException())).isFalse();
    }
}
