package io.piggy.shared.api;

import io.piggy.support.Api;
import io.piggy.support.TestApps;
import io.piggy.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/** Its own application with a low limit, on a database of its own. */
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
}
