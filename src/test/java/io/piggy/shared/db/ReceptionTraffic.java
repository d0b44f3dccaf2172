package io.piggy.shared.db;

import io.piggy.support.Api;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few clients posting credit receptions until stopped, remembering every answer: the receptions
 * Piggy acknowledged (200), and how every other request was answered and how fast.
 */
final class ReceptionTraffic implements AutoCloseable {
    /** {@code at}: when it was answered (nanoTime); {@code millis}: how long it took. */
    record Outcome(int status, Integer code, String retryAfter, long millis, long at, String body) {
    }

    private final Api api;
    private final String shop;
    private final List<String> contacts = new ArrayList<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService clients;
    private final boolean retrying;

    ReceptionTraffic(Api api, int clientCount) {
        this(api, clientCount, false);
    }

    /**
     * @param retrying each reception is sent with an Idempotency-Key and, after a 503, sent again with
     *                 the same key until it is acknowledged, as a careful client would
     */
    ReceptionTraffic(Api api, int clientCount, boolean retrying) {
        this.retrying = retrying;
        this.api = api;
        Api.Response created = api.postJson(PREFIX + "/shops", Map.of("name", "Traffic", "type", "physical"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        this.shop = created.data().get("uuid").asString();
        for (int i = 0; i < clientCount; i++) {
            contacts.add(api.postJson(PREFIX + "/contacts", Map.of("email", UUID.randomUUID() + "@example.com"))
                    .data().get("uuid").asString());
        }
        this.clients = Executors.newFixedThreadPool(clientCount);
        for (String contact : contacts) {
            clients.submit(() -> drive(contact));
        }
    }

    private void drive(String contact) {
        String key = UUID.randomUUID().toString();
        while (!stop.get()) {
            long start = System.nanoTime();
            try {
                String body = "{\"shop_uuid\":\"" + shop + "\",\"contact_uuid\":\"" + contact + "\",\"credits\":1}";
                java.net.http.HttpRequest.Builder request = api.request(PREFIX + "/credit-receptions")
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
                if (retrying) {
                    request.header("Idempotency-Key", key);
                }
                Api.Response r = api.send(request);
                if (!retrying || r.status() == 200) {
                    key = UUID.randomUUID().toString();
                }
                long end = System.nanoTime();
                Integer code = null;
                if (r.status() == 200) {
                    acknowledged.add(r.data().get("uuid").asString());
                } else {
                    try {
                        code = r.code();
                    } catch (RuntimeException e) {
                        // not a Piggy error body: the assertions say so
                    }
                }
                outcomes.add(new Outcome(r.status(), code, r.header("Retry-After"), (end - start) / 1_000_000, end, r.body()));
            } catch (UncheckedIOException e) {
                long end = System.nanoTime();
                outcomes.add(new Outcome(-1, null, null, (end - start) / 1_000_000, end, e.toString()));
            }
            if (outcomes.size() > 200_000) {
                return;
            }
        }
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    List<Outcome> since(long nanoTime) {
        return outcomes.stream().filter(o -> o.at() >= nanoTime).toList();
    }

    long successes() {
        return outcomes.stream().filter(o -> o.status() == 200).count();
    }

    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /** Every request answered either 200 or Piggy's 503 (code 1503, Retry-After), the 503s within 2 s. */
    void assertOnlySuccessesOrFast503s() {
        for (Outcome o : outcomes()) {
            if (o.status() == 200) {
                continue;
            }
            assertThat(o.status()).as("answered 200 or 503: %s", o).isEqualTo(503);
            assertThat(o.code()).as("Piggy's code for maintenance: %s", o).isEqualTo(1503);
            assertThat(o.retryAfter()).as("says when to retry: %s", o).isNotBlank();
            assertThat(o.millis()).as("a 503 comes fast: %s", o).isLessThan(2000);
        }
    }

    /** How many receptions the ledger holds for this traffic's contacts, acknowledged or not. */
    long allStoredIn(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM loyalty_transactions WHERE contact_id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("uuid", contacts.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** How many of the acknowledged receptions are in the ledger. */
    long storedIn(String jdbcUrl) throws Exception {
        Set<String> ids = acknowledged();
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM loyalty_transactions WHERE id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).as("the clients stopped").isTrue();
    }
}
