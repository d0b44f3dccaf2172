package io.piggy.shared.db;

import io.piggy.shared.api.ManagementPort;
import io.piggy.support.Api;
import io.piggy.support.TestApps;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12 §4: an external PostgreSQL ({@code PIGGY_DATABASE_URL}) goes away. Piggy answers 503 at
 * once and readiness says DOWN; when it is back on its address, Piggy serves again by itself.
 */
class ExternalDatabaseRecoveryIT {

    private static EmbeddedPostgres external(Path dir, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start();
    }

    @Test
    void anExternalDatabaseThatGoesAwayAnswers503FastAndIsUsedAgainWhenBack() throws Exception {
        Path pgDir = Files.createTempDirectory("piggy-external-pg");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedPostgres pg = external(pgDir, port);
        try (ConfigurableApplicationContext app = TestApps.start(Map.of(
                "server.port", "0",
                "piggy.database.url", pg.getJdbcUrl("postgres", "postgres"),
                "piggy.data-dir", Files.createTempDirectory("piggy-external").toString(),
                "piggy.bootstrap-token", "external-token",
                "piggy.management.port", "0",
                "piggy.rate-limit.requests-per-minute", "100000000"))) {
            Api api = TestApps.api(app, "external-token");
            Api management = new Api("http://localhost:" + app.getBean(ManagementPort.class).localPort(), null);
            assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);

            try (ReceptionTraffic traffic = new ReceptionTraffic(api, 3)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> traffic.successes() >= 30);
                long stoppedAt = System.nanoTime();
                pg.close();

                await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                        .until(() -> management.get("/actuator/health/readiness").status() == 503);
                long healthStart = System.nanoTime();
                Api.Response health = management.get("/actuator/health");
                assertThat((System.nanoTime() - healthStart) / 1_000_000).as("health answers at once").isLessThan(1000);
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.json().at("/components/db/status").asString()).isEqualTo("DOWN");
                assertThat(management.get("/actuator/health/liveness").status()).as("alive: it heals").isEqualTo(200);
                await().atMost(Duration.ofSeconds(10)).until(() -> traffic.since(stoppedAt).stream()
                        .filter(o -> o.status() == 503).count() >= 20);
                assertThat(traffic.since(stoppedAt + 4_000_000_000L)).as("none acknowledged while it is gone")
                        .allMatch(o -> o.status() == 503);

                long backAt = System.nanoTime();
                pg = external(pgDir, port);
                await().atMost(Duration.ofSeconds(15)).until(() -> traffic.since(backAt).stream()
                        .filter(o -> o.status() == 200).count() >= 30);
                await().atMost(Duration.ofSeconds(3))
                        .until(() -> management.get("/actuator/health/readiness").status() == 200);
                traffic.close();
                traffic.assertOnlySuccessesOrFast503s();
                assertThat(traffic.storedIn(pg.getJdbcUrl("postgres", "postgres")))
                        .as("every acknowledged reception is in the ledger").isEqualTo(traffic.acknowledged().size());
            }
        } finally {
            pg.close();
        }
    }
}
