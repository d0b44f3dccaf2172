package io.piggy.shared.db;

import io.piggy.support.Api;
import io.piggy.support.TestApps;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 12 §4: the embedded PostgreSQL is killed under load; Piggy starts it again by itself. */
class EmbeddedDatabaseRecoveryIT {

    @Test
    void aKilledServerIsStartedAgainAndNoAcknowledgedReceptionIsLost() throws Exception {
        Path dataDir = Files.createTempDirectory("piggy-recovery");
        try (ConfigurableApplicationContext app = TestApps.start(Map.of(
                "server.port", "0",
                "piggy.data-dir", dataDir.toString(),
                "piggy.bootstrap-token", "recovery-token",
                "piggy.rate-limit.requests-per-minute", "100000000"))) {
            EmbeddedDatabase db = app.getBean(EmbeddedDatabase.class);
            DatabaseMonitor monitor = app.getBean(DatabaseMonitor.class);
            Api api = TestApps.api(app, "recovery-token");
            int port = db.port();

            try (ReceptionTraffic traffic = new ReceptionTraffic(api, 4)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> traffic.successes() >= 40);
                long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
                ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
                long killedAt = System.nanoTime();
                postmaster.destroyForcibly(); // SIGKILL
                postmaster.onExit().get();

                await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20))
                        .until(() -> !monitor.isUp() || monitor.status().restarts() > 0);
                await().atMost(Duration.ofSeconds(30)).until(() -> traffic.since(killedAt).stream()
                        .filter(o -> o.status() == 200).count() >= 40);

                List<ReceptionTraffic.Outcome> during = traffic.since(killedAt);
                assertThat(during).as("requests during the outage were answered 503").anyMatch(o -> o.status() == 503);
                traffic.close();
                traffic.assertOnlySuccessesOrFast503s();
                assertThat(traffic.storedIn(db.jdbcUrl())).as("every acknowledged reception is in the ledger")
                        .isEqualTo(traffic.acknowledged().size());
            }

            assertThat(monitor.status().restarts()).isGreaterThanOrEqualTo(1);
            assertThat(monitor.isUp()).isTrue();
            assertThat(db.port()).as("the same port, so the pool's URL stays valid").isEqualTo(port);
            assertThat(db.isRunning()).isTrue();
        }
    }

    /**
     * Clients that send each reception with an Idempotency-Key and send it again after a 503 get every
     * reception stored exactly once: one whose commit reached the disk before the kill is replayed,
     * one that did not is made by the retry.
     */
    @Test
    void retriedWithIdempotencyKeysEveryReceptionIsStoredExactlyOnce() throws Exception {
        Path dataDir = Files.createTempDirectory("piggy-recovery-idempotent");
        try (ConfigurableApplicationContext app = TestApps.start(Map.of(
                "server.port", "0",
                "piggy.data-dir", dataDir.toString(),
                "piggy.bootstrap-token", "recovery-token",
                "piggy.rate-limit.requests-per-minute", "100000000"))) {
            EmbeddedDatabase db = app.getBean(EmbeddedDatabase.class);
            Api api = TestApps.api(app, "recovery-token");
            try (ReceptionTraffic traffic = new ReceptionTraffic(api, 4, true)) {
                for (int kill = 0; kill < 2; kill++) {
                    long before = traffic.successes();
                    await().atMost(Duration.ofSeconds(30)).until(() -> traffic.successes() >= before + 40);
                    long killedAt = System.nanoTime();
                    ProcessHandle.of(db.postmasterPid()).orElseThrow().destroyForcibly();
                    await().atMost(Duration.ofSeconds(30)).until(() -> traffic.since(killedAt).stream()
                            .filter(o -> o.status() == 200).count() >= 40);
                    assertThat(traffic.since(killedAt)).anyMatch(o -> o.status() == 503);
                }
                traffic.close();
                traffic.assertOnlySuccessesOrFast503s();
                assertThat(traffic.storedIn(db.jdbcUrl())).as("every acknowledged reception is stored")
                        .isEqualTo(traffic.acknowledged().size());
                assertThat(traffic.allStoredIn(db.jdbcUrl())).as("and nothing else: no retry stored twice")
                        .isEqualTo(traffic.acknowledged().size());
            }
        }
    }
}
