package io.piggy.shared.api;

import io.piggy.support.Api;
import io.piggy.support.TestApps;
import io.piggy.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/** Its own application with a low limit, on a database of its own. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitIT {
    private static ConfigurableApplicationContext app;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        app = TestApps.start(Map.of(
                "server.port", "0",
                "piggy.database.url", TestDatabase.newDatabase(),
                "piggy.data-dir", Files.createTempDirectory("piggy-rate").toString(),
                "piggy.bootstrap-token", "rate-token",
                "piggy.rate-limit.requests-per-minute", "3"));
        api = TestApps.api(app, "rate-token");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @Order(1)
    void pastTheLimitAnswers429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            Api.Response ok = api.get(PREFIX + "/shops");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(2 - i));
        }
        Api.Response limited = api.get(PREFIX + "/shops");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo(1429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");

        Api.Response otherCaller = api.as("another-token").get(PREFIX + "/shops");
        assertThat(otherCaller.status()).as("limits are per token").isEqualTo(401);
    }

    /** Runs last: it spends this address's allowance, which a token's first request draws on. */
    @Test
    @Order(2)
    void madeUpTokensShareTheLimitOfTheirAddress() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7 && !statuses.contains(429); i++) { // 3 a minute: 7 spans a minute's turn
            Api.Response r = api.as("guess-" + UUID.randomUUID()).get(PREFIX + "/shops");
            statuses.add(r.status());
            if (r.status() == 429) {
                assertThat(r.code()).isEqualTo(1429);
            }
        }
        assertThat(statuses).as("made-up tokens are refused, then limited").contains(429);
        assertThat(statuses.subList(0, statuses.size() - 1)).containsOnly(401);
    }
}
