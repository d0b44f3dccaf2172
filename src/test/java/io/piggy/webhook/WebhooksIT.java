package io.piggy.webhook;

import io.piggy.support.Api;
import io.piggy.support.TestApps;
import io.piggy.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deliveries end to end, against a Piggy of its own (fast retries, a 1 s timeout, private addresses
 * allowed) on a database of its own, and a real receiver that checks every signature.
 */
class WebhooksIT {
    private static final String ADMIN = "webhooks-admin";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static String database;
    private static ConfigurableApplicationContext app;
    private static Api admin;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.newDatabase();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", "0");
        settings.put("piggy.database.url", database);
        settings.put("piggy.data-dir", Files.createTempDirectory("piggy-webhooks").toString());
        settings.put("piggy.admin-token", ADMIN);
        settings.put("piggy.metrics-token", "webhooks-metrics");
        settings.put("piggy.webhooks.allow-private-addresses", "true");
        settings.put("piggy.webhooks.timeout", "1s");
        settings.put("piggy.webhooks.retry-initial-delay", "100ms");
        settings.put("piggy.webhooks.retry-max-delay", "300ms");
        settings.put("piggy.webhooks.max-attempts", "4");
        settings.put("piggy.webhooks.inactive-after", "100ms");
        app = TestApps.start(settings);
        admin = TestApps.api(app, ADMIN);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private record Account(String uuid, Api api) {
    }

    private static Account account(String name) {
        Api.Response created = admin.postJson("/api/admin/accounts", Map.of("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Account(created.data().get("uuid").asString(), admin.as(created.data().get("access_token").asString()));
    }

    private static String secretOf(Account account) {
        return admin.get("/api/admin/accounts/" + account.uuid() + "/secret").data().get("secret").asString();
    }

    private static String subscribe(Account account, String type, String url, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", type, "event_type", type, "url", url));
        body.putAll(extra);
        Api.Response r = account.api().postJson(PREFIX + "/webhook-subscriptions", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().get("uuid").asString();
    }

    private static String shop(Api api) {
        return api.get(PREFIX + "/shops").data().get(0).get("uuid").asString();
    }

    private static String contact(Api api) {
        return api.postJson(PREFIX + "/contacts", Map.of("email", "wh-" + UUID.randomUUID() + "@example.com"))
                .data().get("uuid").asString();
    }

    /** The account's outbox rows as {type, data}: what each delivery must carry, byte for byte in meaning. */
    private static Map<String, JsonNode> bodies(Account account) throws Exception {
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(database);
             PreparedStatement s = c.prepareStatement("SELECT uuid, event_type, payload::text FROM outbox_events "
                     + "WHERE account_id = ?::uuid ORDER BY id")) {
            s.setString(1, account.uuid());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    bodies.put(rs.getString(1), JSON.valueToTree(Map.of("type", rs.getString(2), "data",
                            JSON.readTree(rs.getString(3)))));
                }
            }
        }
        return bodies;
    }

    @Test
    void everyEventTypeArrivesSignedWithItsResourceAfterItsAction() throws Exception {
        Account account = account("Webhooks all types");
        Api api = account.api();
        List<String> types = List.of("contact_created", "contact_updated", "contact_identifier_created",
                "credit_reception_created", "credit_reception_reversed", "reward_reception_created",
                "reward_reception_reversed", "voucher_created", "voucher_updated", "voucher_redeemed",
                "voucher_batch_completed", "contact_deleted");
        try (Receiver receiver = new Receiver(secretOf(account))) {
            for (String type : types) {
                subscribe(account, type, receiver.url("/" + type), Map.of());
            }
            String shop = shop(api);
            String contact = contact(api);
            assertThat(api.putJson(PREFIX + "/contacts/" + contact, Map.of("attributes", Map.of("firstname", "Eve"))).status())
                    .isEqualTo(200);
            assertThat(api.postJson(PREFIX + "/contact-identifiers",
                    Map.of("contact_identifier_value", "WH-" + UUID.randomUUID(), "contact_uuid", contact)).status()).isEqualTo(200);
            String reception = api.postJson(PREFIX + "/credit-receptions",
                    Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", 50)).data().get("uuid").asString();
            String reward = api.postJson(PREFIX + "/rewards", Map.of("title", "R", "required_credits", 10, "stock", 5))
                    .data().get("uuid").asString();
            String rewardReception = api.postJson(PREFIX + "/reward-receptions",
                    Map.of("shop_uuid", shop, "contact_uuid", contact, "reward_uuid", reward)).data().get("uuid").asString();
            assertThat(api.postJson(PREFIX + "/reward-receptions/" + rewardReception + "/reverse", Map.of()).status()).isEqualTo(200);
            assertThat(api.postJson(PREFIX + "/credit-receptions/" + reception + "/reverse", Map.of()).status()).isEqualTo(200);
            String promotion = api.postJson(PREFIX + "/promotions", Map.of("name", "P", "description", "D"))
                    .data().get("uuid").asString();
            String voucher = api.postJson(PREFIX + "/vouchers", Map.of("promotion_uuid", promotion, "code", "WH-1",
                    "contact_uuid", contact)).data().get("uuid").asString();
            assertThat(api.putJson(PREFIX + "/vouchers/" + voucher, Map.of("status", "ACTIVE")).status()).isEqualTo(200);
            assertThat(api.postJson(PREFIX + "/vouchers/redeem", Map.of("code", "WH-1", "contact_uuid", contact)).status())
                    .isEqualTo(200);
            assertThat(api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", promotion, "quantity", 10))
                    .status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(20)).until(() -> bodies(account).values().stream()
                    .anyMatch(b -> b.get("type").asString().equals("voucher_batch_completed")));
            assertThat(api.postJson(PREFIX + "/contacts/" + contact + "/delete", Map.of("type", "DEFAULT")).status())
                    .isEqualTo(200);

            Map<String, JsonNode> expected = bodies(account);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() >= expected.size());
            List<String> problems = new ArrayList<>();
            for (Receiver.Received r : receiver.received()) {
                if (!r.signatureValid()) {
                    problems.add("bad signature: " + r.type());
                }
                if (!r.path().equals("/" + r.type())) {
                    problems.add(r.type() + " arrived at " + r.path());
                }
                if (!r.body().equals(expected.get(r.eventId()))) {
                    problems.add(r.type() + " body differs from its event: " + r.body());
                }
                if (r.timestamp() == null || !r.timestamp().matches("\\d+")) {
                    problems.add(r.type() + " without a timestamp");
                }
            }
            assertThat(problems).isEmpty();
            assertThat(receiver.received().stream().map(Receiver.Received::type).distinct())
                    .as("every type arrived").containsExactlyInAnyOrderElementsOf(types);
            assertThat(receiver.received().stream().map(Receiver.Received::eventId).distinct().count())
                    .as("each event once").isEqualTo(receiver.received().size()).isEqualTo(expected.size());
            Receiver.Received credits = receiver.at("/credit_reception_created").get(0);
            assertThat(credits.body().get("data").get("uuid").asString()).as("the reception as the API answered it")
                    .isEqualTo(reception);
        }
    }

    @Test
    void aSubscriptionSecretSignsAndContactUpdatedFiresOnlyForItsAttributes() throws Exception {
        Account account = account("Webhooks secret and attributes");
        try (Receiver receiver = new Receiver("own-secret")) {
            String subscription = subscribe(account, "contact_updated", receiver.url("/updated"),
                    Map.of("secret", "own-secret", "attributes", List.of("lastname")));
            String contact = contact(account.api());
            account.api().putJson(PREFIX + "/contacts/" + contact, Map.of("attributes", Map.of("firstname", "Ann")));
            account.api().putJson(PREFIX + "/contacts/" + contact, Map.of("attributes", Map.of("lastname", "Lee")));
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
            Receiver.Received r = receiver.received().get(0);
            assertThat(r.signatureValid()).isTrue();
            assertThat(r.body().get("data").get("contact").get("current_values").get("lastname").asString()).isEqualTo("Lee");

            // the plugin sends secret on update: it is taken
            assertThat(account.api().putJson(PREFIX + "/webhook-subscriptions/" + subscription,
                    Map.of("secret", "newer-secret", "attributes", List.of("firstname"))).status()).isEqualTo(200);
            receiver.secret("newer-secret");
            account.api().putJson(PREFIX + "/contacts/" + contact, Map.of("attributes", Map.of("firstname", "Bea")));
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
            assertThat(receiver.received().get(1).signatureValid()).isTrue();
        }
    }

    @Test
    void failuresAreRetriedAndAReceiverThatRecoversGetsEverythingInOrder() throws Exception {
        Account account = account("Webhooks retries");
        try (Receiver receiver = new Receiver(secretOf(account))) {
            receiver.mode(Receiver.Mode.FAIL);
            String subscription = subscribe(account, "credit_reception_created", receiver.url("/credits"), Map.of());
            String shop = shop(account.api());
            String contact = contact(account.api());
            for (int i = 1; i <= 5; i++) {
                account.api().postJson(PREFIX + "/credit-receptions", Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", i));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.requests() >= 2);
            receiver.mode(Receiver.Mode.OK);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() >= 5);
            assertThat(receiver.received().stream().map(r -> r.body().get("data").get("credits").asInt()).toList())
                    .as("one contact's deliveries in the order of their events").containsExactly(1, 2, 3, 4, 5);
            JsonNode log = account.api().get(PREFIX + "/webhook-subscriptions/" + subscription + "/deliveries").data();
            JsonNode first = log.get(log.size() - 1);
            assertThat(first.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(first.get("attempt_log").size()).as("failed attempts, then the success").isGreaterThan(1);
            assertThat(first.get("attempt_log").get(0).get("status_code").asInt()).isEqualTo(500);
            assertThat(first.get("attempt_log").get(0).get("response").asString()).isEqualTo("broken");
            JsonNode last = first.get("attempt_log").get(first.get("attempt_log").size() - 1);
            assertThat(last.get("status_code").asInt()).isEqualTo(200);
            assertThat(account.api().get(PREFIX + "/webhook-subscriptions/" + subscription).data().get("status").asString())
                    .isEqualTo("ACTIVE");

            String metrics = admin.as("webhooks-metrics").get("/actuator/prometheus").body();
            assertThat(metrics).contains("piggy_webhook_deliveries_total{outcome=\"delivered\"}",
                    "piggy_webhook_deliveries_total{outcome=\"retry\"}", "piggy_webhook_attempt_seconds_count",
                    "piggy_webhook_backlog", "piggy_webhook_oldest_pending_age_seconds",
                    "piggy_jobs_queued{job=\"webhook-delivery\"}", "piggy_jobs_running{job=\"webhook-delivery\"}",
                    "piggy_jobs_oldest_due_age_seconds{job=\"webhook-delivery\"}",
                    "piggy_jobs_items_total{job=\"webhook-delivery\",outcome=\"failed\"}");
        }
    }

    @Test
    void aReceiverFailingForLongGoesInactiveAndFailedDeliveriesCanBeRedelivered() throws Exception {
        Account account = account("Webhooks inactive");
        try (Receiver receiver = new Receiver(secretOf(account))) {
            receiver.mode(Receiver.Mode.SLOW); // past the 1 s timeout: a failure
            String subscription = subscribe(account, "contact_created", receiver.url("/slow"), Map.of());
            String contact = contact(account.api());
            String path = PREFIX + "/webhook-subscriptions/" + subscription;
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    account.api().get(path).data().get("status").asString().equals("INACTIVE"));
            JsonNode inactive = account.api().get(path).data();
            assertThat(inactive.get("status_reason").asString()).isNotBlank();
            JsonNode failed = account.api().get(path + "/deliveries?status=FAILED").data();
            assertThat(failed.size()).isEqualTo(1);
            assertThat(failed.get(0).get("attempts").asInt()).as("every attempt").isEqualTo(4);
            assertThat(failed.get(0).get("attempt_log").get(0).get("error").asString()).isNotBlank();
            String event = failed.get(0).get("event_uuid").asString();

            receiver.mode(Receiver.Mode.OK);
            assertThat(account.api().putJson(path, Map.of("status", "ACTIVE")).data().get("status_reason").isNull()).isTrue();
            assertThat(account.api().postJson(path + "/deliveries/" + UUID.randomUUID() + "/redeliver", Map.of()).code())
                    .isEqualTo(80300);
            assertThat(account.api().postJson(path + "/deliveries/" + event + "/redeliver", Map.of())
                    .data().get("redelivered").asInt()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
            assertThat(receiver.received().get(0).body().get("data").get("uuid").asString()).isEqualTo(contact);
            assertThat(account.api().postJson(path + "/deliveries/redeliver", Map.of()).data().get("redelivered").asInt())
                    .as("nothing failed any more").isZero();
        }
    }

    @Test
    void anAccountReceivesOnlyItsOwnEvents() throws Exception {
        Account a = account("Webhooks tenant A");
        Account b = account("Webhooks tenant B");
        try (Receiver receiver = new Receiver(secretOf(b))) {
            subscribe(b, "contact_created", receiver.url("/b"), Map.of());
            String aSubscription = subscribe(a, "contact_created", receiver.url("/a"), Map.of());
            contact(a.api());
            String bContact = contact(b.api());
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at("/b").size() == 1 && receiver.at("/a").size() == 1);
            assertThat(receiver.at("/b").get(0).body().get("data").get("uuid").asString()).isEqualTo(bContact);
            assertThat(receiver.at("/a").get(0).signatureValid()).as("A's delivery is signed with A's secret, not B's").isFalse();
            assertThat(b.api().get(PREFIX + "/webhook-subscriptions/" + aSubscription).code()).isEqualTo(80300);
            assertThat(b.api().get(PREFIX + "/webhook-subscriptions/" + aSubscription + "/deliveries").code()).isEqualTo(80300);
            assertThat(b.api().delete(PREFIX + "/webhook-subscriptions/" + aSubscription).code()).isEqualTo(80300);
            assertThat(a.api().get(PREFIX + "/webhook-subscriptions/" + aSubscription).status()).isEqualTo(200);
        }
    }

    @Test
    void aRotatedAccountSecretSignsFromThenOn() throws Exception {
        Account account = account("Webhooks rotation");
        String old = secretOf(account);
        String rotated = admin.postJson("/api/admin/accounts/" + account.uuid() + "/secret", Map.of())
                .data().get("secret").asString();
        assertThat(rotated).isNotEqualTo(old).hasSizeGreaterThanOrEqualTo(32);
        assertThat(secretOf(account)).isEqualTo(rotated);
        try (Receiver receiver = new Receiver(rotated)) {
            subscribe(account, "contact_created", receiver.url("/rotated"), Map.of());
            contact(account.api());
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
            assertThat(receiver.received().get(0).signatureValid()).isTrue();
        }
        assertThat(admin.get("/api/admin/accounts/" + UUID.randomUUID() + "/secret").code()).isEqualTo(60013);
    }
}
