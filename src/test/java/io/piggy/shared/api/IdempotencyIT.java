package io.piggy.shared.api;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import io.piggy.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyIT extends ApiIT {

    private static Api.Response post(Api api, String key, String json) {
        return api.send(api.request(PREFIX + "/shops").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void sameKeyAndBodyReplaysTheOriginal() {
        Api api = as(newAccount("Idempotent"));
        Api.Response first = post(api, "key-1", "{\"name\":\"Till\",\"type\":\"physical\"}");
        Api.Response second = post(api, "key-1", "{\"name\":\"Till\",\"type\":\"physical\"}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(api.get(PREFIX + "/shops").data()).as("created once").hasSize(2);
    }

    @Test
    void largeAnswersAreNotKeptWhole() throws Exception {
        Api api = as(newAccount("Idempotent large"));
        String large = "{\"text\":\"" + "x".repeat(90_000) + "\"}"; // the echo answers it back: 90 KB
        Api.Response first = api.send(api.request(PREFIX + "/test-echo").header("Content-Type", "application/json")
                .header("Idempotency-Key", "large-1").POST(HttpRequest.BodyPublishers.ofString(large)));
        Api.Response replay = api.send(api.request(PREFIX + "/test-echo").header("Content-Type", "application/json")
                .header("Idempotency-Key", "large-1").POST(HttpRequest.BodyPublishers.ofString(large)));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.data().get("text").asString()).hasSize(90_000);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().get("meta").get("idempotent_replay").asString()).isNotBlank();
        try (Connection db = DriverManager.getConnection(TestDatabase.jdbcUrl());
             ResultSet rs = db.createStatement().executeQuery(
                     "SELECT max(octet_length(body)) FROM idempotency_keys WHERE key = 'large-1'")) {
            rs.next();
            assertThat(rs.getInt(1)).isPositive().isLessThanOrEqualTo(IdempotencyKeys.MAX_STORED_ANSWER);
        }
    }

    @Test
    void sameKeyWithAnotherBodyIsAConflict() {
        Api api = as(newAccount("Idempotent conflict"));
        post(api, "key-2", "{\"name\":\"A\",\"type\":\"web\"}");
        Api.Response other = post(api, "key-2", "{\"name\":\"B\",\"type\":\"web\"}");
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo(1409);
        assertThat(api.get(PREFIX + "/shops").data()).hasSize(2);
    }

    @Test
    void keysArePerAccount() {
        Api alice = as(newAccount("Keys A"));
        Api bob = as(newAccount("Keys B"));
        Api.Response a = post(alice, "shared-key", "{\"name\":\"A\",\"type\":\"web\"}");
        Api.Response b = post(bob, "shared-key", "{\"name\":\"A\",\"type\":\"web\"}");
        assertThat(b.header("Idempotent-Replayed")).isNull();
        assertThat(b.data().get("uuid").asString()).isNotEqualTo(a.data().get("uuid").asString());
    }

    @Test
    void rejectedRequestsAreNotStored() {
        Api api = as(newAccount("Idempotent errors"));
        Api.Response bad = post(api, "key-3", "{\"name\":\"\",\"type\":\"web\"}");
        assertThat(bad.status()).isEqualTo(400);
        Api.Response again = post(api, "key-3", "{\"name\":\"\",\"type\":\"web\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOnce() throws Exception {
        Api api = as(newAccount("Idempotent race"));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> post(api, "race-key", "{\"name\":\"Race\",\"type\":\"web\"}"));
            }
            List<String> uuids = new ArrayList<>();
            for (Future<Api.Response> f : pool.invokeAll(calls)) {
                Api.Response r = f.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                uuids.add(r.data().get("uuid").asString());
            }
            assertThat(uuids).as("every caller sees the one shop").containsOnly(uuids.get(0));
            assertThat(api.get(PREFIX + "/shops").data()).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void overlongKeyIsInvalidInput() {
        Api api = as(newAccount("Idempotent key length"));
        Api.Response tooLong = post(api, "k".repeat(300), "{\"name\":\"A\",\"type\":\"web\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo(1003);
    }
}
