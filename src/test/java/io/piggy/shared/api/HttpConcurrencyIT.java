package io.piggy.shared.api;

import io.piggy.support.Api;
import io.piggy.support.TestApps;
import io.piggy.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/** With one request allowed at once, a second waits for the first instead of running beside it. */
class HttpConcurrencyIT {
    private static ConfigurableApplicationContext app;
    private static Api api;
    private static String databaseUrl;

    @BeforeAll
    static void start() throws Exception {
        databaseUrl = TestDatabase.newDatabase();
        app = TestApps.start(Map.of(
                "server.port", "0",
                "piggy.database.url", databaseUrl,
                "piggy.data-dir", Files.createTempDirectory("piggy-concurrency").toString(),
                "piggy.bootstrap-token", "gate-token",
                "piggy.http.max-concurrent-requests", "1"));
        api = TestApps.api(app, "gate-token");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aSecondRequestWaitsWhileTheOnlyPlaceIsTaken() throws Exception {
        String shop = api.postJson(PREFIX + "/shops", Map.of("name", "Gate", "type", "physical")).data().get("uuid").asString();
        String contact = api.postJson(PREFIX + "/contacts", Map.of("email", UUID.randomUUID() + "@example.com"))
                .data().get("uuid").asString();

        try (Connection blocker = DriverManager.getConnection(databaseUrl)) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE loyalty_transactions IN EXCLUSIVE MODE");
            CompletableFuture<Api.Response> reception = CompletableFuture.supplyAsync(() -> api.postJson(
                    PREFIX + "/credit-receptions", Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", 5)));
            awaitOneWaitingLock(blocker);

            CompletableFuture<Api.Response> read = CompletableFuture.supplyAsync(() -> api.get(PREFIX + "/shops"));
            Thread.sleep(500);
            assertThat(read).as("the read queues behind the blocked reception").isNotDone();

            blocker.rollback();
            assertThat(reception.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(read.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
    }

    private static void awaitOneWaitingLock(Connection c) throws Exception {
        for (int i = 0; i < 200; i++) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the reception never reached the lock");
    }
}
