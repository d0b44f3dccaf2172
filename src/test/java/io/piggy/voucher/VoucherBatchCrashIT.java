package io.piggy.voucher;

import io.piggy.support.PiggyProcess;
import io.piggy.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a separate Piggy process (no clean stop) in the middle of a batch, starts a new one, and
 * checks the batch ends with exactly its quantity of distinct codes. Needs target/piggy.jar, which
 * {@code mvn verify} builds before the integration tests.
 */
class VoucherBatchCrashIT {
    private static final String TOKEN = "crash-token";
    private static final int QUANTITY = 100_000;

    private static PiggyProcess start(String database, Path log) throws Exception {
        return PiggyProcess.start(database, log, TOKEN, List.of("--piggy.vouchers.batch.chunk-size=1000",
                "--piggy.vouchers.batch.poll-interval=200ms"), Map.of("PIGGY_BOOTSTRAP_TOKEN", TOKEN));
    }

    @Test
    void killedInTheMiddleOfABatchAndRestartedItFinishesExactly() throws Exception {
        String database = TestDatabase.newDatabase();
        Path log = Files.createTempFile("piggy-crash", ".log");
        PiggyProcess first = start(database, log);
        String batch;
        long generatedAtKill;
        try {
            String promotion = VoucherFixtures.singleUse(first.api());
            batch = first.api().postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", promotion,
                    "quantity", QUANTITY)).data().get("uuid").asString();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (true) {
                generatedAtKill = first.api().get(PREFIX + "/vouchers/batches/" + batch).data().get("generated").asLong();
                if (generatedAtKill > 0) {
                    break;
                }
                assertThat(Instant.now()).as("no chunk was committed; see " + log).isBefore(deadline);
                Thread.sleep(20);
            }
        } finally {
            first.process().destroyForcibly().waitFor();
        }
        assertThat(generatedAtKill).as("killed in the middle, not after the end").isLessThan(QUANTITY);

        PiggyProcess second = start(database, log);
        try {
            var done = VoucherBatchIT.awaitDone(second.api(), batch, Duration.ofMinutes(3));
            assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(done.get("generated").asLong()).isEqualTo(QUANTITY);
        } finally {
            second.process().destroy();
            second.process().waitFor();
        }
        try (Connection c = DriverManager.getConnection(database)) {
            ResultSet rs = c.createStatement().executeQuery("SELECT count(*), count(DISTINCT upper(code)) FROM vouchers"
                    + " WHERE batch_id = '" + batch + "'");
            rs.next();
            assertThat(rs.getLong(1)).as("none missing, none extra").isEqualTo(QUANTITY);
            assertThat(rs.getLong(2)).as("all distinct").isEqualTo(QUANTITY);
        }
    }
}
