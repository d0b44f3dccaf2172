package io.piggy.webhook;

import io.piggy.support.Api;
import io.piggy.support.Concurrently;
import io.piggy.support.PiggyProcess;
import io.piggy.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two real Piggy processes ({@code java -jar target/piggy.jar}) on one database deliver each event
 * once; then one of them is killed (SIGKILL) in the middle of a burst of deliveries and started
 * again: every event still reaches the receiver, at least once. Needs target/piggy.jar, which
 * {@code mvn verify} builds before the integration tests.
 */
class WebhookCrashIT {
    private static final String ADMIN = "crash-admin";

    private static PiggyProcess start(String database, Path log) throws Exception {
        return PiggyProcess.start(database, log, ADMIN, List.of("--piggy.webhooks.timeout=5s",
                "--piggy.webhooks.connect-timeout=1s", "--piggy.webhooks.retry-initial-delay=200ms",
                "--piggy.webhooks.retry-max-delay=1s", "--piggy.webhooks.max-attempts=1000",
                "--piggy.webhooks.inactive-after=1h"), Map.of("PIGGY_ADMIN_TOKEN", ADMIN,
                "PIGGY_RATE_LIMIT_PER_MINUTE", "1000000", "PIGGY_WEBHOOK_ALLOW_PRIVATE_ADDRESSES", "true"));
    }

    private static Set<String> events(String database) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(database);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT uuid FROM outbox_events WHERE event_type = 'credit_reception_created'")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** Attempts per event of the deliveries that are settled. */
    private static Map<String, Long> attempts(String database) throws Exception {
        Map<String, Long> attempts = new java.util.HashMap<>();
        try (Connection c = DriverManager.getConnection(database);
             ResultSet rs = c.createStatement().executeQuery("SELECT d.event_uuid, count(a.*) FROM webhook_deliveries d "
                     + "JOIN webhook_attempts a ON a.account_id = d.account_id AND a.delivery_id = d.id "
                     + "WHERE d.run_at IS NULL GROUP BY d.event_uuid")) {
            while (rs.next()) {
                attempts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return attempts;
    }

    /** Eight clients, each its own share of the receptions. */
    private static void burst(Api api, String shop, List<String> contacts, int receptions) throws Exception {
        Concurrently.run(8, t -> () -> {
            for (int i = t; i < receptions; i += 8) {
                Api.Response r = api.postJson(PREFIX + "/credit-receptions", Map.of("shop_uuid", shop,
                        "contact_uuid", contacts.get(i % contacts.size()), "credits", 1));
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
            }
            return null;
        });
    }

    @Test
    void twoInstancesDeliverEachEventOnceAndAKilledOneLosesNone() throws Exception {
        String database = TestDatabase.newDatabase();
        Path log = Files.createTempFile("piggy-webhook-crash", ".log");
        PiggyProcess one = start(database, log); // the first start migrates the new database
        PiggyProcess two = start(database, log);
        try (Receiver receiver = new Receiver("crash-secret", 64)) {
            Api.Response account = one.api().postJson("/api/admin/accounts", Map.of("name", "Crash"));
            Api api = one.api().as(account.data().get("access_token").asString());
            Api other = two.api().as(account.data().get("access_token").asString());
            assertThat(api.postJson(PREFIX + "/webhook-subscriptions", Map.of("name", "credits", "event_type",
                    "credit_reception_created", "url", receiver.url("/credits"), "secret", "crash-secret")).status()).isEqualTo(200);
            String shop = api.get(PREFIX + "/shops").data().get(0).get("uuid").asString();
            List<String> contacts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                contacts.add(api.postJson(PREFIX + "/contacts", Map.of("email", "crash" + i + "@example.com"))
                        .data().get("uuid").asString());
            }

            burst(api, shop, contacts, 100);
            burst(other, shop, contacts, 100);
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() >= 200);
            Map<String, Long> perEvent = receiver.received().stream()
                    .collect(Collectors.groupingBy(Receiver.Received::eventId, Collectors.counting()));
            assertThat(perEvent).hasSize(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> attempts(database).size() == 200);
            Map<String, Long> attempts = attempts(database);
            assertThat(perEvent).as("two instances: each event arrives once per attempt, never more")
                    .allSatisfy((event, arrived) -> assertThat(arrived).isLessThanOrEqualTo(attempts.get(event)));
            try (Connection c = DriverManager.getConnection(database);
                 ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM (SELECT event_uuid FROM "
                         + "webhook_deliveries GROUP BY event_uuid, subscription_id HAVING count(*) > 1) twice")) {
                rs.next();
                assertThat(rs.getLong(1)).as("events fanned out twice to one subscription").isZero();
            }
            assertThat(receiver.received()).allMatch(Receiver.Received::signatureValid);

            receiver.mode(Receiver.Mode.FAIL);
            burst(api, shop, contacts, 300);
            receiver.pause(Duration.ofMillis(25));
            receiver.mode(Receiver.Mode.OK);
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() >= 230);
            one.process().destroyForcibly().waitFor(); // SIGKILL: no clean stop, claims left leased
            assertThat(receiver.received().size()).as("killed in the middle of the burst").isLessThan(500);
            one = start(database, log);

            Set<String> all = events(database);
            assertThat(all).hasSize(500);
            Function<Void, Set<String>> arrived = v -> receiver.received().stream().map(Receiver.Received::eventId)
                    .collect(Collectors.toSet());
            await().atMost(Duration.ofSeconds(90)).until(() -> arrived.apply(null).containsAll(all));
        } finally {
            one.process().destroyForcibly().waitFor();
            two.process().destroy();
            two.process().waitFor();
        }
    }
}
