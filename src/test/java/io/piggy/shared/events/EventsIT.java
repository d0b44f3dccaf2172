package io.piggy.shared.events;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import io.piggy.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each operation writes its event exactly once, in its own transaction, for its account, with the
 * resource as the API answers it as data; an operation that is refused writes none.
 */
class EventsIT extends ApiIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One outbox row as stored. */
    record Row(UUID uuid, UUID account, String type, UUID contact, JsonNode data, Instant createdAt) {
    }

    private static List<Row> events(TestAccount account) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(TestDatabase.jdbcUrl());
             PreparedStatement s = c.prepareStatement("SELECT uuid, account_id, event_type, contact_id, payload::text, "
                     + "created_at FROM outbox_events WHERE account_id = ?::uuid ORDER BY id")) {
            s.setString(1, account.uuid());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getObject(4, UUID.class), JSON.readTree(rs.getString(5)),
                            rs.getTimestamp(6).toInstant()));
                }
            }
        }
        return rows;
    }

    private static List<Row> ofType(TestAccount account, EventType type) throws SQLException {
        return events(account).stream().filter(r -> r.type().equals(type.wireName())).toList();
    }

    /** The one event of this type; asserts there is exactly one and that its envelope is sound. */
    private static Row single(TestAccount account, EventType type, String contact) throws SQLException {
        List<Row> rows = ofType(account, type);
        assertThat(rows).as(type + " events").hasSize(1);
        Row row = rows.get(0);
        assertThat(row.uuid()).isNotNull();
        assertThat(row.uuid().version()).as("a time-ordered uuid made in Java").isEqualTo(7);
        assertThat(row.account()).isEqualTo(UUID.fromString(account.uuid()));
        assertThat(row.createdAt()).isBetween(Instant.now().minus(Duration.ofMinutes(2)), Instant.now().plusSeconds(5));
        assertThat(row.contact()).isEqualTo(contact == null ? null : UUID.fromString(contact));
        Map<String, Object> body = Events.body(row.type(), row.data());
        assertThat(JSON.valueToTree(body).get("type").asString()).isEqualTo(type.wireName());
        assertThat(JSON.valueToTree(body).get("data")).isEqualTo(row.data());
        return row;
    }

    private static String shop(Api api) {
        return api.get(PREFIX + "/shops").data().get(0).get("uuid").asString();
    }

    private static String contact(Api api, String email) {
        Api.Response created = api.postJson(PREFIX + "/contacts", Map.of("email", email));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.data().get("uuid").asString();
    }

    @Test
    void contactEvents() throws Exception {
        TestAccount account = newAccount("Events contacts");
        Api api = as(account);
        Api.Response created = api.postJson(PREFIX + "/contacts", Map.of("email", "ev.contact@example.com"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String contact = created.data().get("uuid").asString();
        assertThat(single(account, EventType.CONTACT_CREATED, contact).data())
                .as("the contact as the API answers it").isEqualTo(created.data());
        assertThat(api.postJson(PREFIX + "/contacts", Map.of("email", "EV.contact@example.com")).code())
                .as("duplicate").isEqualTo(60005);
        assertThat(ofType(account, EventType.CONTACT_CREATED)).as("a refused create writes none").hasSize(1);

        assertThat(api.putJson(PREFIX + "/contacts/" + contact, Map.of("attributes", Map.of("no_such_attribute", "x")))
                .code()).isEqualTo(1003);
        assertThat(ofType(account, EventType.CONTACT_UPDATED)).as("a refused update writes none").isEmpty();
        Api.Response updated = api.putJson(PREFIX + "/contacts/" + contact, Map.of("attributes", Map.of("firstname", "Eve")));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode updatedData = single(account, EventType.CONTACT_UPDATED, contact).data();
        assertThat(updatedData.get("contact")).as("{contact: …} as Piggy sends it").isEqualTo(updated.data());
        assertThat(api.get(PREFIX + "/contacts/" + contact).data().get("current_values").get("firstname").asString())
                .isEqualTo(updatedData.get("contact").get("current_values").get("firstname").asString());

        Api.Response identifier = api.postJson(PREFIX + "/contact-identifiers",
                Map.of("contact_identifier_value", "EV-CARD-1", "contact_uuid", contact));
        assertThat(identifier.status()).as(identifier.toString()).isEqualTo(200);
        assertThat(single(account, EventType.CONTACT_IDENTIFIER_CREATED, contact).data()).isEqualTo(identifier.data());
        assertThat(api.postJson(PREFIX + "/contact-identifiers", Map.of("contact_identifier_value", "EV-CARD-1")).status())
                .isEqualTo(409);
        assertThat(ofType(account, EventType.CONTACT_IDENTIFIER_CREATED)).hasSize(1);

        assertThat(api.postJson(PREFIX + "/contacts/" + contact + "/delete", Map.of("type", "DEFAULT")).status())
                .isEqualTo(200);
        assertThat(single(account, EventType.CONTACT_DELETED, contact).data().get("uuid").asString()).isEqualTo(contact);
        assertThat(api.postJson(PREFIX + "/contacts/" + contact + "/delete", Map.of("type", "DEFAULT")).code())
                .isEqualTo(55031);
        assertThat(ofType(account, EventType.CONTACT_DELETED)).hasSize(1);

        Set<UUID> ids = new HashSet<>();
        events(account).forEach(r -> ids.add(r.uuid()));
        assertThat(ids).as("every event its own uuid").hasSize(events(account).size());
    }

    @Test
    void creditReceptionEventsAndARefusedReceptionWritesNone() throws Exception {
        TestAccount account = newAccount("Events credits");
        Api api = as(account);
        String shop = shop(api);
        String contact = contact(api, "ev.credits@example.com");
        Api.Response received = api.postJson(PREFIX + "/credit-receptions",
                Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", 40));
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        Row event = single(account, EventType.CREDIT_RECEPTION_CREATED, contact);
        assertThat(event.data()).as("the reception as the API answers it").isEqualTo(received.data());
        assertThat(event.data().get("credits").asLong()).isEqualTo(40);

        assertThat(api.putJson(PREFIX + "/loyalty-program", Map.of("max_amount", 100)).status()).isEqualTo(200);
        Api.Response refused = api.postJson(PREFIX + "/credit-receptions",
                Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", 500));
        assertThat(refused.code()).as(refused.toString()).isEqualTo(1015);
        assertThat(ofType(account, EventType.CREDIT_RECEPTION_CREATED)).as("refused by max_amount: none").hasSize(1);

        String reception = received.data().get("uuid").asString();
        Api.Response reversed = api.postJson(PREFIX + "/credit-receptions/" + reception + "/reverse", Map.of());
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
        Row reversal = single(account, EventType.CREDIT_RECEPTION_REVERSED, contact);
        assertThat(reversal.data()).isEqualTo(reversed.data());
        assertThat(reversal.data().get("credits").asLong()).isEqualTo(-40);
        assertThat(api.postJson(PREFIX + "/credit-receptions/" + reception + "/reverse", Map.of()).code()).isEqualTo(1410);
        assertThat(ofType(account, EventType.CREDIT_RECEPTION_REVERSED)).as("a second reversal is refused").hasSize(1);
    }

    @Test
    void rewardReceptionEventsAndAnInsufficientBalanceWritesNone() throws Exception {
        TestAccount account = newAccount("Events rewards");
        Api api = as(account);
        String shop = shop(api);
        String contact = contact(api, "ev.rewards@example.com");
        Api.Response reward = api.postJson(PREFIX + "/rewards", Map.of("title", "Mug", "required_credits", 30));
        assertThat(reward.status()).as(reward.toString()).isEqualTo(200);
        Map<String, Object> claim = Map.of("shop_uuid", shop, "contact_uuid", contact,
                "reward_uuid", reward.data().get("uuid").asString());

        Api.Response poor = api.postJson(PREFIX + "/reward-receptions", claim);
        assertThat(poor.code()).as(poor.toString()).isEqualTo(1017);
        assertThat(ofType(account, EventType.REWARD_RECEPTION_CREATED)).as("insufficient credits: none").isEmpty();

        api.postJson(PREFIX + "/credit-receptions", Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", 50));
        Api.Response claimed = api.postJson(PREFIX + "/reward-receptions", claim);
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        Row event = single(account, EventType.REWARD_RECEPTION_CREATED, contact);
        assertThat(event.data()).isEqualTo(claimed.data());
        assertThat(event.data().get("credits").asLong()).isEqualTo(-30);

        String reception = claimed.data().get("uuid").asString();
        Api.Response reversed = api.postJson(PREFIX + "/reward-receptions/" + reception + "/reverse", Map.of());
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
        assertThat(single(account, EventType.REWARD_RECEPTION_REVERSED, contact).data()).isEqualTo(reversed.data());
        assertThat(api.postJson(PREFIX + "/reward-receptions/" + reception + "/reverse", Map.of()).code()).isEqualTo(1410);
        assertThat(ofType(account, EventType.REWARD_RECEPTION_REVERSED)).hasSize(1);
        assertThat(ofType(account, EventType.CREDIT_RECEPTION_REVERSED)).as("a reward's reversal is its own type").isEmpty();
    }

    @Test
    void voucherEvents() throws Exception {
        TestAccount account = newAccount("Events vouchers");
        Api api = as(account);
        String contact = contact(api, "ev.vouchers@example.com");
        Api.Response promotion = api.postJson(PREFIX + "/promotions", Map.of("name", "Promo", "description", "P"));
        String promotionUuid = promotion.data().get("uuid").asString();
        Api.Response created = api.postJson(PREFIX + "/vouchers",
                Map.of("promotion_uuid", promotionUuid, "code", "EV-1", "contact_uuid", contact));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(single(account, EventType.VOUCHER_CREATED, contact).data()).isEqualTo(created.data());
        assertThat(api.postJson(PREFIX + "/vouchers", Map.of("promotion_uuid", promotionUuid, "code", "ev-1")).code())
                .isEqualTo(80003);
        assertThat(ofType(account, EventType.VOUCHER_CREATED)).hasSize(1);

        String voucher = created.data().get("uuid").asString();
        Api.Response updated = api.putJson(PREFIX + "/vouchers/" + voucher, Map.of("status", "ACTIVE"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(single(account, EventType.VOUCHER_UPDATED, contact).data()).isEqualTo(updated.data());

        Api.Response redeemed = api.postJson(PREFIX + "/vouchers/redeem", Map.of("code", "EV-1", "contact_uuid", contact));
        assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(200);
        Row redemption = single(account, EventType.VOUCHER_REDEEMED, contact);
        assertThat(redemption.data().get("uuid").asString()).isEqualTo(voucher);
        assertThat(redemption.data().get("is_redeemed").asBoolean()).isTrue();
        assertThat(api.postJson(PREFIX + "/vouchers/redeem", Map.of("code", "EV-1", "contact_uuid", contact)).code())
                .isEqualTo(80005);
        assertThat(ofType(account, EventType.VOUCHER_REDEEMED)).as("a refused redemption writes none").hasSize(1);
    }

    @Test
    void promotionAndRewardUpdatesAndARefusedUpdateWritesNone() throws Exception {
        TestAccount account = newAccount("Events updates");
        Api api = as(account);
        String promotion = api.postJson(PREFIX + "/promotions", Map.of("name", "Spring", "description", "S"))
                .data().get("uuid").asString();
        assertThat(ofType(account, EventType.PROMOTION_UPDATED)).as("creating is no update").isEmpty();
        Api.Response renamed = api.putJson(PREFIX + "/promotions/" + promotion, Map.of("name", "Spring sale"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(single(account, EventType.PROMOTION_UPDATED, null).data()).isEqualTo(renamed.data());
        assertThat(api.putJson(PREFIX + "/promotions/" + promotion, Map.of("name", " ")).code()).isEqualTo(1003);
        assertThat(ofType(account, EventType.PROMOTION_UPDATED)).as("a refused update writes none").hasSize(1);

        String reward = api.postJson(PREFIX + "/rewards", Map.of("title", "Mug", "required_credits", 10))
                .data().get("uuid").asString();
        Api.Response retitled = api.putJson(PREFIX + "/rewards/" + reward, Map.of("title", "Big mug", "stock", 5));
        assertThat(retitled.status()).as(retitled.toString()).isEqualTo(200);
        assertThat(single(account, EventType.REWARD_UPDATED, null).data()).isEqualTo(retitled.data());
        assertThat(api.putJson(PREFIX + "/rewards/" + reward, Map.of("required_credits", -1)).code()).isEqualTo(1003);
        assertThat(ofType(account, EventType.REWARD_UPDATED)).as("a refused update writes none").hasSize(1);
    }

    @Test
    void aBatchWritesOneEventPerChunkAndOneCompletion() throws Exception {
        TestAccount account = newAccount("Events batch");
        Api api = as(account);
        String promotion = api.postJson(PREFIX + "/promotions", Map.of("name", "Batch", "description", "B"))
                .data().get("uuid").asString();
        Api.Response job = api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", promotion, "quantity", 12_000));
        assertThat(job.status()).as(job.toString()).isIn(200, 201);
        String batch = job.data().get("uuid").asString();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "COMPLETED".equals(api.get(PREFIX + "/vouchers/batches/" + batch).data().get("status").asString()));
        await().atMost(Duration.ofSeconds(10)).until(() -> !ofType(account, EventType.VOUCHER_BATCH_COMPLETED).isEmpty());

        Row completed = single(account, EventType.VOUCHER_BATCH_COMPLETED, null);
        assertThat(completed.data().get("uuid").asString()).isEqualTo(batch);
        assertThat(completed.data().get("promotion_uuid").asString()).isEqualTo(promotion);
        assertThat(completed.data().get("quantity").asLong()).isEqualTo(12_000);
        assertThat(completed.data().get("generated").asLong()).isEqualTo(12_000);
        assertThat(completed.data().get("status").asString()).isEqualTo("COMPLETED");

        List<Row> chunks = ofType(account, EventType.VOUCHER_CREATED);
        assertThat(chunks).as("one summary per chunk of 10,000, not one per code").hasSize(2);
        assertThat(chunks).allSatisfy(r -> assertThat(r.data().get("batch").get("uuid").asString()).isEqualTo(batch));
        assertThat(chunks.stream().mapToLong(r -> r.data().get("count").asLong()).sum()).isEqualTo(12_000);
        assertThat(events(account)).as("nothing else").hasSize(3);
    }

    @Test
    void aFormSubmissionIsCompletedOnceWithItsCredits() throws Exception {
        TestAccount account = newAccount("Events forms");
        Api api = as(account);
        Api.Response form = api.postJson(PREFIX + "/forms", Map.of("name", "Join", "status", "PUBLISHED", "type", "PUBLIC",
                "fields", List.of("firstname"), "credits", 5));
        assertThat(form.status()).as(form.toString()).isIn(200, 201);
        String formUuid = form.data().get("uuid").asString();

        Api.Response done = submitPage(formUuid, Map.of("email", "ev.form@example.com", "firstname", "Fay"));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        String contact = api.get(PREFIX + "/contacts/find-one-by?email=ev.form@example.com").data().get("uuid").asString();
        Row event = single(account, EventType.FORM_SUBMISSION_COMPLETED, contact);
        JsonNode submission = api.get(PREFIX + "/forms/" + formUuid + "/submissions").data().get(0);
        assertThat(event.data().get("form").get("uuid").asString()).isEqualTo(formUuid);
        assertThat(event.data().get("submission")).as("the submission as the API lists it").isEqualTo(submission);
        assertThat(event.data().get("submission").get("first_submission").asBoolean()).isTrue();
        Row credits = single(account, EventType.CREDIT_RECEPTION_CREATED, contact);
        assertThat(credits.data().get("credits").asLong()).as("the form's credits, booked in the same transaction").isEqualTo(5);
        assertThat(credits.data().get("channel").asString()).isEqualTo("FORMS");

        Api.Response invalid = submitPage(formUuid, Map.of("email", "not an email", "firstname", "Fay"));
        assertThat(invalid.status()).isNotEqualTo(500);
        assertThat(ofType(account, EventType.FORM_SUBMISSION_COMPLETED)).as("an invalid submission writes none").hasSize(1);
    }

    private static final Pattern COOKIE = Pattern.compile("piggy_form_csrf=([A-Za-z0-9_-]+)");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"(_csrf|_token|_filled)\" value=\"([^\"]*)\"");

    /** Fetches the hosted page and posts it back with its CSRF cookie and hidden fields, as a browser does. */
    private Api.Response submitPage(String form, Map<String, String> fields) {
        Api browser = anonymous();
        Api.Response page = browser.get("/forms/" + form);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        Matcher cookie = COOKIE.matcher(String.join("; ", page.raw().headers().allValues("Set-Cookie")));
        assertThat(cookie.find()).isTrue();
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, v) -> pairs.add(encode(k) + "=" + encode(v)));
        Matcher hidden = HIDDEN.matcher(page.body());
        while (hidden.find()) {
            pairs.add(encode(hidden.group(1)) + "=" + encode(hidden.group(2)));
        }
        return browser.send(browser.request("/forms/" + form).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "piggy_form_csrf=" + cookie.group(1))
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
