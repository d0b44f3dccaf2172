package io.piggy.account;

import io.piggy.support.Api;
import io.piggy.support.TestApps;
import io.piggy.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/** First start, each on an empty database of its own. */
class BootstrapIT {
    private static final String ADMIN_TOKEN = "bootstrap-admin";

    private static ConfigurableApplicationContext start(String databaseUrl, Path dataDir, String bootstrapToken) {
        Map<String, String> props = new HashMap<>(Map.of(
                "server.port", "0",
                "piggy.database.url", databaseUrl,
                "piggy.data-dir", dataDir.toString(),
                "piggy.admin-token", ADMIN_TOKEN));
        if (bootstrapToken != null) {
            props.put("piggy.bootstrap-token", bootstrapToken);
        }
        return TestApps.start(props);
    }

    private static Api api(ConfigurableApplicationContext app, String token) {
        return TestApps.api(app, token);
    }

    @Test
    void firstStartCreatesTheDefaultAccountAndAPrivateTokenFile() throws Exception {
        Path dataDir = Files.createTempDirectory("piggy-boot");
        String database = TestDatabase.newDatabase();
        String token;
        try (ConfigurableApplicationContext app = start(database, dataDir, null)) {
            Path file = dataDir.resolve("initial-access-token");
            assertThat(file).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            token = Files.readString(file).trim();
            Api.Response shops = api(app, token).get(PREFIX + "/shops");
            assertThat(shops.status()).isEqualTo(200);
            assertThat(shops.data().get(0).get("name").asString()).isEqualTo("Main shop");
        }
        Files.delete(dataDir.resolve("initial-access-token"));
        try (ConfigurableApplicationContext again = start(database, dataDir, null)) {
            assertThat(dataDir.resolve("initial-access-token")).as("no second account on restart").doesNotExist();
            assertThat(api(again, token).get(PREFIX + "/shops").status()).isEqualTo(200);

            // The operator finds the Default account and its first token, and revokes it like any other.
            Api admin = api(again, ADMIN_TOKEN);
            Api.Response listed = admin.get("/api/admin/accounts");
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.data()).hasSize(1);
            assertThat(listed.data().get(0).get("name").asString()).isEqualTo("Default");
            assertThat(listed.data().get(0).get("is_default").asBoolean()).isTrue();
            String account = listed.data().get(0).get("uuid").asString();
            Api.Response tokens = admin.get("/api/admin/accounts/" + account + "/tokens");
            assertThat(tokens.status()).isEqualTo(200);
            assertThat(tokens.data()).hasSize(1);
            assertThat(tokens.data().get(0).get("name").asString()).isEqualTo("initial");
            assertThat(tokens.data().get(0).get("revoked_at").isNull()).isTrue();
            assertThat(tokens.body()).as("no secret in a listing").doesNotContain(token);
            assertThat(tokens.data().get(0).has("access_token")).isFalse();
            String tokenUuid = tokens.data().get(0).get("uuid").asString();
            assertThat(admin.delete("/api/admin/accounts/" + account + "/tokens/" + tokenUuid).status()).isEqualTo(200);
            assertThat(api(again, token).get(PREFIX + "/shops").code()).isEqualTo(1401);
            assertThat(admin.get("/api/admin/accounts/" + account + "/tokens").data().get(0).get("revoked_at").isNull())
                    .isFalse();
            assertThat(admin.get("/api/admin/accounts/" + UUID.randomUUID() + "/tokens").code()).isEqualTo(60013);
        }
    }

    @Test
    void bootstrapTokenOpensAnAccountAtOnce() throws Exception {
        Path dataDir = Files.createTempDirectory("piggy-boot-token");
        String database = TestDatabase.newDatabase();
        try (ConfigurableApplicationContext app = start(database, dataDir, "script-token-1")) {
            assertThat(dataDir.resolve("initial-access-token")).doesNotExist();
            assertThat(api(app, "script-token-1").get(PREFIX + "/shops").status()).isEqualTo(200);
            assertThat(api(app, "script-token-2").get(PREFIX + "/shops").status()).isEqualTo(401);
        }
        try (ConfigurableApplicationContext app = start(database, dataDir, "script-token-1")) {
            assertThat(api(app, "script-token-1").get(PREFIX + "/shops").data()).as("same account, not a new one").hasSize(1);
        }
        try (ConfigurableApplicationContext app = start(database, dataDir, "script-token-2")) {
            String shop1 = api(app, "script-token-1").get(PREFIX + "/shops").data().get(0).get("uuid").asString();
            String shop2 = api(app, "script-token-2").get(PREFIX + "/shops").data().get(0).get("uuid").asString();
            assertThat(shop2).as("a new bootstrap token joins the existing account").isEqualTo(shop1);
        }
    }
}
