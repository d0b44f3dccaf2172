package io.piggy.shared.db;

import io.piggy.support.Api;
import io.piggy.support.TestApps;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 §4: a stale postmaster.pid whose pid now belongs to an unrelated process (here one
 * whose command even is named postgres) must not get that process stopped at start-up.
 */
class StalePidFileIT {

    private static ConfigurableApplicationContext start(Path dataDir) {
        return TestApps.start(Map.of(
                "server.port", "0",
                "piggy.data-dir", dataDir.toString(),
                "piggy.embedded.durable", "false",
                "piggy.bootstrap-token", "stale-token"));
    }

    @Test
    void anUnrelatedProcessNamedInAStalePidFileSurvivesTheStart() throws Exception {
        Path dataDir = Files.createTempDirectory("piggy-stale-pid");
        start(dataDir).close();
        Path pgData = dataDir.resolve("postgres");
        assertThat(pgData.resolve("postmaster.pid")).doesNotExist();

        Path bin = Files.createTempDirectory("piggy-not-postgres");
        Path fake = bin.resolve("postgres");
        Files.copy(Path.of("/bin/sleep"), fake, StandardCopyOption.COPY_ATTRIBUTES);
        Process unrelated = new ProcessBuilder(fake.toString(), "600").start();
        try {
            assertThat(unrelated.info().command()).as("what the old check looked for").hasValueSatisfying(
                    c -> assertThat(c).contains("postgres"));
            Files.write(pgData.resolve("postmaster.pid"), List.of(Long.toString(unrelated.pid()), pgData.toString(),
                    Long.toString(System.currentTimeMillis() / 1000), "5432", "/tmp", "localhost",
                    "  5432001         0", "ready   "));

            try (ConfigurableApplicationContext app = start(dataDir)) {
                assertThat(unrelated.isAlive()).as("the unrelated process was left alone").isTrue();
                Api api = TestApps.api(app, "stale-token");
                assertThat(api.postJson(PREFIX + "/shops", Map.of("name", "After", "type", "web")).status())
                        .as("and the embedded PostgreSQL started all the same").isEqualTo(200);
            }
            assertThat(unrelated.isAlive()).isTrue();
        } finally {
            unrelated.destroyForcibly();
        }
    }
}
