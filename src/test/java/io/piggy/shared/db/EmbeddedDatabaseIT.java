package io.piggy.shared.db;

import io.piggy.support.Api;
import io.piggy.support.TestApps;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production default: Piggy's own durable PostgreSQL in the data directory. */
class EmbeddedDatabaseIT {

    private static ConfigurableApplicationContext start(Path dataDir) {
        return TestApps.start(Map.of(
                "server.port", "0",
                "piggy.data-dir", dataDir.toString(),
                "piggy.bootstrap-token", "restart-token"));
    }

    @Test
    void dataSurvivesARestartAndTheServerIsDurable() throws Exception {
        Path dataDir = Files.createTempDirectory("piggy-embedded");
        String shopUuid;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            EmbeddedDatabase db = app.getBean(EmbeddedDatabase.class);
            assertThat(db.setting("fsync")).isEqualTo("on");
            assertThat(db.setting("synchronous_commit")).isEqualTo("on");
            assertThat(db.setting("full_page_writes")).isEqualTo("on");

            Api api = TestApps.api(app, "restart-token");
            Api.Response created = api.postJson(PREFIX + "/shops", Map.of("name", "Survivor", "type", "web"));
            assertThat(created.status()).isEqualTo(200);
            shopUuid = created.data().get("uuid").asString();

            assertThatThrownBy(() -> start(dataDir))
                    .as("a second Piggy on the same data directory fails clearly")
                    .hasRootCauseInstanceOf(DataDirectoryInUseException.class)
                    .rootCause().hasMessageContaining("in use by another running Piggy");
            assertThat(api.get(PREFIX + "/shops/" + shopUuid).status()).as("the first one is unharmed").isEqualTo(200);
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("shutdown stopped PostgreSQL cleanly").doesNotExist();

        try (ConfigurableApplicationContext app = start(dataDir)) {
            Api api = TestApps.api(app, "restart-token");
            Api.Response fetched = api.get(PREFIX + "/shops/" + shopUuid);
            assertThat(fetched.status()).isEqualTo(200);
            assertThat(fetched.data().get("name").asString()).isEqualTo("Survivor");
        }
    }
}
