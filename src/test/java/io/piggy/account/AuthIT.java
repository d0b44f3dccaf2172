package io.piggy.account;

import io.piggy.shared.auth.Secrets;
import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

class AuthIT extends ApiIT {
    @Autowired
    JdbcClient db;

    @Test
    void noTokenIsUnauthenticated() {
        Api.Response response = anonymous().get(PREFIX + "/shops");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo(1401);
    }

    @Test
    void unknownTokenIsUnauthenticated() {
        Api.Response response = anonymous().as("piggy_not-a-real-token").get(PREFIX + "/shops");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo(1401);
    }

    @Test
    void revokedTokenIsUnauthenticatedAtOnce() {
        TestAccount account = newAccount("Revocation");
        Api.Response issued = admin().postJson("/api/admin/accounts/" + account.uuid() + "/tokens", Map.of("name", "till 1"));
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.data().get("access_token").asString();
        String tokenUuid = issued.data().get("uuid").asString();
        assertThat(anonymous().as(token).get(PREFIX + "/shops").status()).isEqualTo(200);

        Api.Response revoked = admin().delete("/api/admin/accounts/" + account.uuid() + "/tokens/" + tokenUuid);
        assertThat(revoked.status()).isEqualTo(200);

        Api.Response after = anonymous().as(token).get(PREFIX + "/shops");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo(1401);
        assertThat(as(account).get(PREFIX + "/shops").status()).as("the account's other token still works").isEqualTo(200);
    }

    /** Another instance revokes in the database only; this one trusts a token it found live for 2 s more at most. */
    @Test
    void aTokenRevokedByAnotherInstanceIsRefusedWithinTheCacheTtl() throws Exception {
        TestAccount account = newAccount("Revocation elsewhere");
        Api.Response issued = admin().postJson("/api/admin/accounts/" + account.uuid() + "/tokens", Map.of("name", "till 2"));
        String token = issued.data().get("access_token").asString();
        assertThat(anonymous().as(token).get(PREFIX + "/shops").status()).isEqualTo(200);

        db.sql("UPDATE access_tokens SET revoked_at = now() WHERE id = :id")
                .param("id", UUID.fromString(issued.data().get("uuid").asString())).update();
        long revokedAt = System.nanoTime();
        int status;
        do {
            status = anonymous().as(token).get(PREFIX + "/shops").status();
        } while (status == 200 && System.nanoTime() - revokedAt < Duration.ofSeconds(10).toNanos());
        assertThat(status).isEqualTo(401);
    }

    @Test
    void revokingAnUnknownTokenIsNotFound() {
        TestAccount account = newAccount("Revocation 2");
        Api.Response response = admin().delete("/api/admin/accounts/" + account.uuid()
                + "/tokens/0190d6b2-0000-7000-8000-000000000000");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo(60013);
    }

    @Test
    void anotherAccountsShopIsInvisible() {
        TestAccount alice = newAccount("Alice");
        TestAccount bob = newAccount("Bob");
        String aliceShop = as(alice).get(PREFIX + "/shops").data().get(0).get("uuid").asString();

        Api.Response seenByBob = as(bob).get(PREFIX + "/shops/" + aliceShop);
        assertThat(seenByBob.status()).isEqualTo(404);
        assertThat(seenByBob.code()).isEqualTo(1008);
        assertThat(as(bob).get(PREFIX + "/shops").body()).doesNotContain(aliceShop);
        assertThat(as(alice).get(PREFIX + "/shops/" + aliceShop).status()).isEqualTo(200);
    }

    @Test
    void accountTokenCannotReachAdminRoutes() {
        TestAccount account = newAccount("Not an admin");
        Api.Response create = as(account).postJson("/api/admin/accounts", Map.of("name", "Sneaky"));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.code()).isEqualTo(7011);
        Api.Response tokens = as(account).postJson("/api/admin/accounts/" + account.uuid() + "/tokens", Map.of());
        assertThat(tokens.status()).isEqualTo(403);
        Api.Response clients = as(account).postJson("/api/admin/accounts/" + account.uuid() + "/oauth-clients", Map.of());
        assertThat(clients.status()).isEqualTo(403);
    }

    @Test
    void adminRoutesNeedTheAdminToken() {
        assertThat(anonymous().postJson("/api/admin/accounts", Map.of("name", "X")).status()).isEqualTo(401);
        assertThat(anonymous().as("wrong").postJson("/api/admin/accounts", Map.of("name", "X")).status()).isEqualTo(401);
    }

    @Test
    void adminTokenIsNotAnAccountToken() {
        Api.Response response = admin().get(PREFIX + "/shops");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo(7011);
    }

    @Test
    void createdAccountHasItsDefaults() {
        TestAccount account = newAccount("Defaults");
        Api.Response shops = as(account).get(PREFIX + "/shops");
        assertThat(shops.data()).hasSize(1);
        assertThat(shops.data().get(0).get("name").asString()).isEqualTo("Main shop");
        assertThat(shops.data().get(0).get("type").asString()).isEqualTo("physical");
        Api.Response units = as(account).get(PREFIX + "/units");
        assertThat(units.data()).hasSize(1);
        assertThat(units.data().get(0).get("name").asString()).isEqualTo("purchase_amount");
        assertThat(units.data().get(0).get("prefix").asString()).isEqualTo("€");
        assertThat(units.data().get(0).get("is_default").asBoolean()).isTrue();
    }

    @Test
    void adminCreateAccountValidatesTheName() {
        Api.Response response = admin().postJson("/api/admin/accounts", Map.of("name", " "));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo(1003);
        assertThat(response.json().get("errors").has("name")).isTrue();
    }

    @Test
    void oauthClientCredentialsWithAFormBody() {
        TestAccount account = newAccount("OAuth form");
        Api.Response client = admin().postJson("/api/admin/accounts/" + account.uuid() + "/oauth-clients", Map.of("name", "shop plugin"));
        assertThat(client.status()).isEqualTo(201);
        String id = client.data().get("client_id").asString();
        String secret = client.data().get("client_secret").asString();

        Api.Response token = anonymous().form("POST", "/oauth/token", List.of(field("grant_type", "client_credentials"),
                field("client_id", id), field("client_secret", secret)));
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().has("data")).as("the token answer is not wrapped").isFalse();
        assertThat(token.json().get("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.json().get("expires_in").asLong()).isPositive();

        Api.Response shops = anonymous().as(token.json().get("access_token").asString()).get(PREFIX + "/shops");
        assertThat(shops.status()).isEqualTo(200);
        assertThat(shops.data().get(0).get("uuid").asString())
                .isEqualTo(as(account).get(PREFIX + "/shops").data().get(0).get("uuid").asString());
    }

    @Test
    void oauthClientCredentialsWithAJsonBodyAndBadSecrets() {
        TestAccount account = newAccount("OAuth json");
        Api.Response client = admin().postJson("/api/admin/accounts/" + account.uuid() + "/oauth-clients", Map.of());
        String id = client.data().get("client_id").asString();
        String secret = client.data().get("client_secret").asString();

        Api.Response ok = anonymous().postJson("/oauth/token",
                Map.of("grant_type", "client_credentials", "client_id", id, "client_secret", secret));
        assertThat(ok.status()).isEqualTo(200);

        Api.Response wrongSecret = anonymous().postJson("/oauth/token",
                Map.of("grant_type", "client_credentials", "client_id", id, "client_secret", secret + "x"));
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.code()).isEqualTo(1401);

        Api.Response wrongGrant = anonymous().postJson("/oauth/token",
                Map.of("grant_type", "password", "client_id", id, "client_secret", secret));
        assertThat(wrongGrant.status()).isEqualTo(400);
        assertThat(wrongGrant.code()).isEqualTo(1003);
        assertThat(wrongGrant.json().get("errors").has("grant_type")).isTrue();

        Api.Response notAUuid = anonymous().postJson("/oauth/token",
                Map.of("grant_type", "client_credentials", "client_id", "abc", "client_secret", secret));
        assertThat(notAUuid.status()).isEqualTo(401);
    }
}
