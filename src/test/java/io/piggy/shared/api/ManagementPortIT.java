package io.piggy.shared.api;

import io.piggy.support.Api;
import io.piggy.support.TestApps;
import io.piggy.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 12 §4: health answers on the management port while every work slot is busy. */
class ManagementPortIT {
    private static final int WORK_SLOTS = 2;

    @Test
    void healthAnswersOnTheManagementPortWhileEveryWorkSlotIsBusy() throws Exception {
        String databaseUrl = TestDatabase.newDatabase();
        try (ConfigurableApplicationContext app = TestApps.start(Map.of(
                "server.port", "0",
                "piggy.database.url", databaseUrl,
                "piggy.data-dir", Files.createTempDirectory("piggy-management").toString(),
                "piggy.bootstrap-token", "management-token",
                "piggy.management.port", "0",
                "piggy.http.max-concurrent-requests", Integer.toString(WORK_SLOTS)))) {
            Api api = TestApps.api(app, "management-token");
            int managementPort = app.getBean(ManagementPort.class).localPort();
            assertThat(managementPort).isPositive();
            Api management = new Api("http://localhost:" + managementPort, "management-token");
            assertThat(api.get("/actuator/health").status()).as("the main port serves health too").isEqualTo(200);
            assertThat(management.get(PREFIX + "/shops").status()).as("the management port serves no API")
                    .isEqualTo(404);
            assertThat(new Api("http://localhost:" + managementPort, null).get("/actuator/prometheus").status())
                    .as("metrics without a token on the management port").isEqualTo(200);
            assertThat(api.get("/actuator/prometheus").code()).as("but not on the main port without PIGGY_METRICS_TOKEN")
                    .isEqualTo(1404);

            String shop = api.postJson(PREFIX + "/shops", Map.of("name", "Busy", "type", "physical"))
                    .data().get("uuid").asString();
            String contact = api.postJson(PREFIX + "/contacts", Map.of("email", UUID.randomUUID() + "@example.com"))
                    .data().get("uuid").asString();

            try (Connection blocker = DriverManager.getConnection(databaseUrl)) {
                blocker.setAutoCommit(false);
                blocker.createStatement().execute("LOCK TABLE loyalty_transactions IN EXCLUSIVE MODE");
                List<CompletableFuture<Api.Response>> stuck = new ArrayList<>();
                for (int i = 0; i < WORK_SLOTS + 2; i++) {
                    stuck.add(CompletableFuture.supplyAsync(() -> api.postJson(PREFIX + "/credit-receptions",
                            Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", 1))));
                }
                awaitWaitingLocks(blocker, WORK_SLOTS);

                HttpClient client = HttpClient.newHttpClient();
                HttpRequest mainHealth = HttpRequest.newBuilder(URI.create(api.base() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(1)).build();
                assertThatThrownBy(() -> client.send(mainHealth, HttpResponse.BodyHandlers.ofString()))
                        .as("on the main port a probe waits behind the work").hasMessageContaining("timed out");

                for (String probe : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
                    long start = System.nanoTime();
                    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + managementPort + probe))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(answer.statusCode()).as(probe + " " + answer.body()).isEqualTo(200);
                    assertThat((System.nanoTime() - start) / 1_000_000).as(probe + " answers at once").isLessThan(1000);
                }

                blocker.rollback();
                for (CompletableFuture<Api.Response> request : stuck) {
                    assertThat(request.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
                }
            }
        }
    }

    private static void awaitWaitingLocks(Connection c, int count) throws Exception {
        for (int i = 0; i < 200; i++) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
                rs.next();
                if (rs.getInt(1) >= count) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the receptions never reached the lock");
    }
}
