package io.piggy.voucher;

import io.piggy.support.Api;
import io.piggy.support.TestApps;
import io.piggy.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transient failures of a batch chunk are retried with a backoff stored in the chunk's row, and
 * only a permanent error fails the batch. The faults are PostgreSQL's own: a trigger makes the
 * worker's "chunk 0 is done" statement lose its connection (the backend is terminated), or raise
 * a deadlock or a check violation, for its first tries. Each Piggy here is a separate instance
 * with a database of its own.
 */
class VoucherBatchRetryIT {
    private static final String TOKEN = "retry-token";
    private static final int CHUNK = 100;
    /** More failures of one chunk than the five tries a chunk used to get before failing its batch. */
    private static final int FAULTS = 8;
    private static final String LOST_CONNECTION = "PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(10);";
    private static final String DEADLOCK = "RAISE EXCEPTION 'injected' USING ERRCODE = 'deadlock_detected';";
    private static final String CHECK_VIOLATION = "RAISE EXCEPTION 'injected' USING ERRCODE = 'check_violation';";

    /** A separate Piggy with a promotion to make batches in. */
    private record Piggy(ConfigurableApplicationContext app, Api api, String promotion) implements AutoCloseable {
        @Override
        public void close() {
            app.close();
        }
    }

    private static Piggy start(String database, Map<String, String> settings) throws Exception {
        Map<String, String> all = new HashMap<>(Map.of(
                "server.port", "0",
                "piggy.database.url", database,
                "piggy.data-dir", Files.createTempDirectory("piggy-retry").toString(),
                "piggy.bootstrap-token", TOKEN,
                "piggy.vouchers.batch.chunk-size", String.valueOf(CHUNK),
                "piggy.vouchers.batch.poll-interval", "50ms",
                "piggy.vouchers.batch.retry-initial-delay", "50ms",
                "piggy.vouchers.batch.retry-max-delay", "400ms"));
        all.putAll(settings);
        ConfigurableApplicationContext app = TestApps.start(all);
        Api api = TestApps.api(app, TOKEN);
        return new Piggy(app, api, VoucherFixtures.singleUse(api));
    }

    @Test
    void aChunkThatLosesItsConnectionOrDeadlocksAgainAndAgainStillCompletesItsBatchExactly() throws Exception {
        String database = TestDatabase.newDatabase();
        try (Piggy piggy = start(database, Map.of())) {
            for (String fault : new String[] {LOST_CONNECTION, DEADLOCK}) {
                injectAtChunkZero(database, FAULTS, fault);
                int quantity = 10 * CHUNK;
                String batch = startBatch(piggy, quantity);
                JsonNode done = VoucherBatchIT.awaitDone(piggy.api(), batch, Duration.ofMinutes(2));
                assertThat(done.get("status").asString()).as(fault + ": " + done).isEqualTo("COMPLETED");
                assertThat(done.get("generated").asLong()).isEqualTo(quantity);
                assertThat(faultTries(database)).as(fault + ": failed %d times, then went through", FAULTS)
                        .isEqualTo(FAULTS + 1);
                assertThat(number(database, "SELECT attempts FROM voucher_batch_chunks WHERE batch_id = '" + batch
                        + "' AND chunk_no = 0")).as(fault + ": every failure counted").isEqualTo(FAULTS);
                assertExactCodes(database, batch, quantity);
            }
        }
    }

    @Test
    void theBackoffIsStoredWithTheChunkAndARestartedPiggyKeepsIt() throws Exception {
        String database = TestDatabase.newDatabase();
        String batch;
        int quantity = 5 * CHUNK;
        try (Piggy first = start(database, Map.of(
                "piggy.vouchers.batch.retry-initial-delay", "1h", "piggy.vouchers.batch.retry-max-delay", "2h"))) {
            injectAtChunkZero(database, 1, DEADLOCK);
            batch = startBatch(first, quantity);
            await(first.api(), batch, b -> b.get("generated").asLong() == quantity - CHUNK);
        }
        String chunkZero = "FROM voucher_batch_chunks WHERE batch_id = '" + batch + "' AND chunk_no = 0";
        assertThat(number(database, "SELECT attempts " + chunkZero)).isEqualTo(1);
        assertThat(number(database, "SELECT count(*) " + chunkZero + " AND done_at IS NULL")).isEqualTo(1);
        assertThat(number(database, "SELECT count(*) " + chunkZero + " AND retry_at > now() + interval '20 minutes'"))
                .as("waits about an hour (half to all of retry-initial-delay)").isEqualTo(1);
        String retryAt = text(database, "SELECT retry_at::text " + chunkZero);

        try (Piggy second = start(database, Map.of())) {
            Api api = second.api();
            // its workers run: a new batch completes, while the first one's chunk 0 sits out its wait
            String other = startBatch(second, 2 * CHUNK);
            assertThat(VoucherBatchIT.awaitDone(api, other, Duration.ofMinutes(2)).get("status").asString())
                    .isEqualTo("COMPLETED");
            JsonNode waiting = api.get(PREFIX + "/vouchers/batches/" + batch).data();
            assertThat(waiting.get("status").asString()).isEqualTo("PROCESSING");
            assertThat(waiting.get("generated").asLong()).isEqualTo(quantity - CHUNK);
            assertThat(text(database, "SELECT retry_at::text " + chunkZero)).isEqualTo(retryAt);
            assertThat(number(database, "SELECT count(*) " + chunkZero + " AND done_at IS NULL")).isEqualTo(1);

            execute(database, "UPDATE voucher_batch_chunks SET retry_at = now() WHERE batch_id = '" + batch + "'");
            JsonNode done = VoucherBatchIT.awaitDone(api, batch, Duration.ofMinutes(2));
            assertThat(done.get("status").asString()).as("once its time has come").isEqualTo("COMPLETED");
            assertExactCodes(database, batch, quantity);
            assertExactCodes(database, other, 2 * CHUNK);
        }
    }

    @Test
    void aPermanentErrorFailsTheBatchAtTheFirstTry() throws Exception {
        String database = TestDatabase.newDatabase();
        try (Piggy piggy = start(database, Map.of())) {
            injectAtChunkZero(database, Integer.MAX_VALUE, CHECK_VIOLATION);
            String batch = startBatch(piggy, 10 * CHUNK);
            JsonNode failed = VoucherBatchIT.awaitDone(piggy.api(), batch, Duration.ofMinutes(2));
            assertThat(failed.get("status").asString()).isEqualTo("FAILED");
            assertThat(failed.get("error").isString()).isTrue();
            assertThat(faultTries(database)).as("not retried").isEqualTo(1);
            assertThat(number(database, "SELECT count(*) FROM voucher_batch_chunks WHERE batch_id = '" + batch
                    + "' AND done_at IS NULL")).as("taken off the queue").isZero();
            assertThat(number(database, "SELECT count(*) FROM vouchers WHERE batch_id = '" + batch + "'"))
                    .as("the vouchers it reports, no others").isEqualTo(failed.get("generated").asLong());
        }
    }

    private static String startBatch(Piggy piggy, int quantity) {
        Api.Response started = piggy.api().postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid",
                piggy.promotion(), "quantity", quantity));
        assertThat(started.status()).as(started.toString()).isLessThan(300);
        return started.data().get("uuid").asString();
    }

    private static void await(Api api, String batch, Predicate<JsonNode> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            JsonNode b = api.get(PREFIX + "/vouchers/batches/" + batch).data();
            if (condition.test(b)) {
                return;
            }
            assertThat(Instant.now()).as("batch " + batch + ": " + b).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    /**
     * Makes the statement that marks chunk 0 of a batch done run {@code fault} on its first
     * {@code times} tries; a sequence counts the tries (it is not rolled back with them).
     */
    private static void injectAtChunkZero(String database, int times, String fault) throws SQLException {
        execute(database, """
                DROP TRIGGER IF EXISTS test_fault ON voucher_batch_chunks;
                DROP SEQUENCE IF EXISTS test_fault_tries;
                CREATE SEQUENCE test_fault_tries;
                CREATE OR REPLACE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF nextval('test_fault_tries') <= %d THEN
                        %s
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER test_fault BEFORE UPDATE OF done_at ON voucher_batch_chunks FOR EACH ROW
                    WHEN (OLD.chunk_no = 0 AND OLD.done_at IS NULL AND NEW.processed_by IS NOT NULL)
                    EXECUTE FUNCTION test_fault();
                """.formatted(times, fault));
    }

    private static long faultTries(String database) throws SQLException {
        return number(database, "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM test_fault_tries");
    }

    private static void assertExactCodes(String database, String batch, long quantity) throws SQLException {
        String where = " FROM vouchers WHERE batch_id = '" + batch + "'";
        assertThat(number(database, "SELECT count(*)" + where)).as("none missing, none twice").isEqualTo(quantity);
        assertThat(number(database, "SELECT count(DISTINCT upper(code))" + where)).as("all distinct").isEqualTo(quantity);
        assertThat(number(database, "SELECT count(*) FROM voucher_batch_chunks WHERE batch_id = '" + batch
                + "' AND done_at IS NULL")).isZero();
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long number(String database, String sql) throws SQLException {
        return Long.parseLong(text(database, sql));
    }

    private static String text(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}
