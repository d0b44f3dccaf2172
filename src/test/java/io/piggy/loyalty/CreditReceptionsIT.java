package io.piggy.loyalty;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

class CreditReceptionsIT extends ApiIT {
    private static final String UNKNOWN = "0190d6b2-0000-7000-8000-000000000000";

    @Autowired
    JdbcClient db;

    @Test
    void creditsArriveWithTheShapeOfPiggysReception() {
        Api api = as(newAccount("Receptions"));
        Loyalty loyalty = new Loyalty(api);
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        Api.Response r = api.postJson(PREFIX + "/credit-receptions",
                Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", 25, "foo", "bar"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode data = r.data();
        assertThat(data.get("type").asString()).isEqualTo("credit_reception");
        assertThat(data.get("credits").asLong()).isEqualTo(25);
        assertThat(data.get("unit_value").isNull()).isTrue();
        assertThat(data.get("contact").get("uuid").asString()).isEqualTo(contact);
        assertThat(data.get("contact").get("email").asString()).endsWith("@example.com");
        assertThat(data.get("contact").get("credit_balance").get("balance").asLong()).isEqualTo(25);
        assertThat(data.get("shop").get("uuid").asString()).isEqualTo(shop);
        assertThat(data.get("shop").get("id").isIntegralNumber()).isTrue();
        assertThat(data.get("contact_identifier").isNull()).isTrue();
        assertThat(data.get("channel").asString()).isEqualTo("OAUTH_API");
        assertThat(data.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
        assertThat(data.get("foo").asString()).as("custom attribute echoed as a top-level key").isEqualTo("bar");
        assertThat(data.has("attributes")).isFalse();
        assertThat(loyalty.balance(contact)).isEqualTo(25);
    }

    @Test
    void theSdksFormWithPosTransactionIdAndCustomAttributes() {
        Api api = as(newAccount("SDK form reception"));
        Loyalty loyalty = new Loyalty(api);
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        Api.Response r = api.form("POST", PREFIX + "/credit-receptions", List.of(field("contact_uuid", contact),
                field("shop_uuid", shop), field("unit_value", "10.40"), field("pos_transaction_id", "till-1/0001"),
                field("foo", "bar"), field("meta[table]", "7")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().get("credits").asLong()).as("1 credit per 1.00, rounded down").isEqualTo(10);
        assertThat(r.data().get("unit_value").decimalValue()).isEqualByComparingTo("10.40");
        assertThat(r.data().get("unit").get("name").asString()).isEqualTo("purchase_amount");
        assertThat(r.data().get("unit").get("is_default").asBoolean()).isTrue();
        assertThat(r.data().get("foo").asString()).isEqualTo("bar");
        assertThat(r.data().get("meta").get("table").asString()).isEqualTo("7");

        Api.Response again = api.postJson(PREFIX + "/credit-receptions",
                Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", 5, "pos_transaction_uuid", "till-1/0001"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).as("pos_transaction_uuid and pos_transaction_id name the same link").isEqualTo(6001);
        assertThat(loyalty.balance(contact)).isEqualTo(10);

        Api.Response listed = api.get(PREFIX + "/loyalty-transactions?contact_uuid=" + contact);
        assertThat(listed.data().get(0).get("foo").asString()).as("attributes are stored").isEqualTo("bar");
    }

    @Test
    void earningRulesWithShopOverridesAndRounding() {
        Api api = as(newAccount("Rules"));
        Loyalty loyalty = new Loyalty(api);
        String main = loyalty.shop();
        String web = api.postJson(PREFIX + "/shops", Map.of("name", "Web", "type", "web")).data().get("uuid").asString();
        api.postJson(PREFIX + "/units", Map.of("name", "visits", "label", "Visits", "is_default", false));
        Api.Response put = api.putJson(PREFIX + "/loyalty-program", Map.of("earning_rules", List.of(
                Map.of("unit_name", "purchase_amount", "credits", 3, "unit_value", new BigDecimal("2.00"), "rounding", "HALF_UP"),
                Map.of("unit_name", "purchase_amount", "shop_uuid", web, "credits", 5, "unit_value", 1, "rounding", "UP"),
                Map.of("unit_name", "visits", "credits", 10))));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        String contact = loyalty.newContact();

        // 3 per 2.00 → 10.33 * 1.5 = 15.495 → HALF_UP 15; at the web shop 5 per 1.00 → 51.65 → UP 52
        assertThat(reception(api, main, contact, "10.33", null).data().get("credits").asLong()).isEqualTo(15);
        assertThat(reception(api, web, contact, "10.33", null).data().get("credits").asLong()).isEqualTo(52);
        Api.Response visits = reception(api, main, contact, "2", "visits");
        assertThat(visits.data().get("credits").asLong()).isEqualTo(20);
        assertThat(visits.data().get("unit").get("name").asString()).isEqualTo("visits");
        assertThat(loyalty.balance(contact)).isEqualTo(87);

        assertThat(api.get(PREFIX + "/credit-receptions/calculate?shop_uuid=" + web + "&unit_value=10.33&contact_uuid="
                + contact).data().get("credits").asLong()).isEqualTo(52);
        assertThat(api.get(PREFIX + "/credit-receptions/calculate?shop_uuid=" + main + "&unit_value=0.99")
                .data().get("credits").asLong()).isEqualTo(1);
        assertThat(loyalty.balance(contact)).as("calculate changes nothing").isEqualTo(87);
    }

    @Test
    void negativeCreditsRefundButNeverBelowZero() {
        Api api = as(newAccount("Refunds"));
        Loyalty loyalty = new Loyalty(api);
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        Api.Response noCredits = loyalty.receive(shop, contact, -1);
        assertThat(noCredits.status()).isEqualTo(409);
        assertThat(noCredits.code()).isEqualTo(1017);
        loyalty.received(shop, contact, 30);
        assertThat(loyalty.receive(shop, contact, -12).data().get("contact").get("credit_balance").get("balance").asLong())
                .isEqualTo(18);
        assertThat(loyalty.receive(shop, contact, -19).code()).isEqualTo(1017);
        assertThat(loyalty.balance(contact)).isEqualTo(18);
        assertThat(api.get(PREFIX + "/loyalty-transactions?contact_uuid=" + contact).json().get("meta").get("total").asLong())
                .as("the refused refund left no row").isEqualTo(2);
    }

    @Test
    void reverseOnceWithALinkedNegativeReception() {
        Api api = as(newAccount("Reverse"));
        Loyalty loyalty = new Loyalty(api);
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        String reception = loyalty.received(shop, contact, 40);
        Api.Response reversed = loyalty.reverseCredits(reception);
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
        assertThat(reversed.data().get("type").asString()).isEqualTo("credit_reception");
        assertThat(reversed.data().get("credits").asLong()).isEqualTo(-40);
        assertThat(reversed.data().get("uuid").asString()).isNotEqualTo(reception);
        assertThat(reversed.data().get("contact").get("credit_balance").get("balance").asLong()).isZero();

        Api.Response twice = loyalty.reverseCredits(reception);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo(1410);
        Api.Response ofReversal = loyalty.reverseCredits(reversed.data().get("uuid").asString());
        assertThat(ofReversal.code()).isEqualTo(1003);
        assertThat(loyalty.reverseCredits(UNKNOWN).code()).isEqualTo(1028);
        assertThat(loyalty.balance(contact)).isZero();

        String spent = loyalty.received(shop, contact, 10);
        loyalty.received(shop, contact, -5);
        assertThat(loyalty.reverseCredits(spent).code()).as("half of it was refunded already").isEqualTo(1017);
        assertThat(loyalty.balance(contact)).isEqualTo(5);
        assertThat(loyalty.audit().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void everyErrorCode() {
        Api api = as(newAccount("Reception errors"));
        Loyalty loyalty = new Loyalty(api);
        String shop = loyalty.shop();
        String contact = loyalty.newContact();

        Api.Response missing = api.postJson(PREFIX + "/credit-receptions", Map.of("credits", 1));
        assertThat(missing.code()).isEqualTo(1003);
        assertThat(missing.json().get("errors").propertyNames()).contains("shop_uuid", "contact_uuid");
        Api.Response nothing = api.postJson(PREFIX + "/credit-receptions", Map.of("shop_uuid", shop, "contact_uuid", contact));
        assertThat(nothing.code()).isEqualTo(1003);
        assertThat(nothing.json().get("errors").has("credits")).isTrue();
        assertThat(post(api, shop, contact, Map.of("credits", "1.5")).code()).as("whole credits only").isEqualTo(1003);
        assertThat(post(api, shop, contact, Map.of("credits", "many")).code()).isEqualTo(1003);
        assertThat(post(api, shop, contact, Map.of("unit_value", "-3")).code()).isEqualTo(1003);
        assertThat(post(api, shop, contact, Map.of("credits", 1, "uuid", "x")).code()).as("reserved attribute").isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/credit-receptions", Map.of("shop_uuid", "not-a-uuid", "contact_uuid", contact,
                "credits", 1)).code()).isEqualTo(1003);

        Api.Response unknownShop = post(api, UNKNOWN, contact, Map.of("credits", 1));
        assertThat(unknownShop.status()).isEqualTo(404);
        assertThat(unknownShop.code()).isEqualTo(1008);
        assertThat(post(api, shop, UNKNOWN, Map.of("credits", 1)).code()).isEqualTo(55031);
        assertThat(post(api, shop, contact, Map.of("credits", 1, "contact_identifier_value", "card-1")).code()).isEqualTo(60003);
        assertThat(post(api, shop, contact, Map.of("unit_value", 5, "unit_name", "stamps")).code()).isEqualTo(60007);

        assertThat(api.putJson(PREFIX + "/loyalty-program", Map.of("max_amount", 100)).status()).isEqualTo(200);
        Api.Response tooMany = post(api, shop, contact, Map.of("credits", 101));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.code()).isEqualTo(1015);
        assertThat(post(api, shop, contact, Map.of("unit_value", new BigDecimal("100.99"))).status()).isEqualTo(200);
        assertThat(post(api, shop, contact, Map.of("unit_value", 101)).code()).isEqualTo(1015);

        Api.Response firstPos = post(api, shop, contact, Map.of("credits", 1, "pos_transaction_uuid", "pos-9"));
        assertThat(firstPos.status()).isEqualTo(200);
        assertThat(post(api, shop, contact, Map.of("credits", 1, "pos_transaction_uuid", "pos-9")).code()).isEqualTo(6001);

        assertThat(api.get(PREFIX + "/credit-receptions/calculate?shop_uuid=" + shop + "&unit_value=1&contact_uuid=" + UNKNOWN)
                .code()).isEqualTo(55031);
        db.sql("UPDATE units SET is_default = false WHERE account_id = (SELECT account_id FROM shops WHERE id = :shop)")
                .param("shop", UUID.fromString(shop)).update();
        Api.Response noDefault = post(api, shop, contact, Map.of("unit_value", 5));
        assertThat(noDefault.status()).isEqualTo(409);
        assertThat(noDefault.code()).isEqualTo(55046);
        assertThat(api.get(PREFIX + "/credit-receptions/calculate?shop_uuid=" + shop + "&unit_value=5").code()).isEqualTo(55046);

        assertThat(loyalty.balance(contact)).as("only the accepted receptions count").isEqualTo(101);
        assertThat(api.get(PREFIX + "/contacts/" + UNKNOWN + "/credit-balance").code()).isEqualTo(55031);
        assertThat(api.get(PREFIX + "/credit-receptions/calculate?shop_uuid=" + UNKNOWN + "&unit_value=5").code()).isEqualTo(1008);
        assertThat(api.get(PREFIX + "/credit-receptions/calculate?shop_uuid=" + shop).code()).isEqualTo(1003);
    }

    @Test
    void contactIdentifiersOnReceptions() {
        Api api = as(newAccount("Reception identifiers"));
        Loyalty loyalty = new Loyalty(api);
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        String other = loyalty.newContact();
        api.postJson(PREFIX + "/contact-identifiers", Map.of("contact_identifier_value", "card-ada",
                "contact_identifier_name", "Loyalty card", "contact_uuid", contact));
        api.postJson(PREFIX + "/contact-identifiers", Map.of("contact_identifier_value", "card-bob", "contact_uuid", other));
        api.postJson(PREFIX + "/contact-identifiers", Map.of("contact_identifier_value", "card-loose"));

        Api.Response r = post(api, shop, contact, Map.of("credits", 3, "contact_identifier_value", "card-ada"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().get("contact_identifier").get("value").asString()).isEqualTo("card-ada");
        assertThat(r.data().get("contact_identifier").get("name").asString()).isEqualTo("Loyalty card");
        assertThat(r.data().get("contact_identifier").get("active").asBoolean()).isTrue();
        assertThat(api.get(PREFIX + "/loyalty-transactions?contact_uuid=" + contact).data().get(0)
                .get("contact_identifier").get("value").asString()).isEqualTo("card-ada");
        assertThat(post(api, shop, contact, Map.of("credits", 1, "contact_identifier_value", "card-loose")).status())
                .as("an identifier linked to no contact is accepted").isEqualTo(200);

        assertThat(post(api, shop, contact, Map.of("credits", 1, "contact_identifier_value", "card-bob")).code())
                .as("another contact's card").isEqualTo(1003);
        assertThat(post(api, shop, contact, Map.of("credits", 1, "contact_identifier_value", "card-none")).code())
                .isEqualTo(60003);
        api.putJson(PREFIX + "/contact-identifiers", Map.of("contact_identifier_value", "card-ada",
                "contact_identifier_active", false));
        assertThat(post(api, shop, contact, Map.of("credits", 1, "contact_identifier_value", "card-ada")).code())
                .isEqualTo(60004);
        assertThat(loyalty.balance(contact)).isEqualTo(4);
    }

    @Test
    void anotherAccountsShopAndContactAreInvisible() {
        Loyalty alice = new Loyalty(as(newAccount("Receptions A")));
        Loyalty bob = new Loyalty(as(newAccount("Receptions B")));
        String aliceContact = alice.newContact();
        String aliceReception = alice.received(alice.shop(), aliceContact, 5);
        assertThat(bob.receive(bob.shop(), aliceContact, 5).code()).isEqualTo(55031);
        assertThat(bob.receive(alice.shop(), bob.newContact(), 5).code()).isEqualTo(1008);
        assertThat(bob.reverseCredits(aliceReception).code()).isEqualTo(1028);
        assertThat(bob.api().get(PREFIX + "/contacts/" + aliceContact + "/credit-balance").code()).isEqualTo(55031);
    }

    @Test
    void idempotentReplayAndConflict() {
        Api api = as(newAccount("Reception idempotency"));
        Loyalty loyalty = new Loyalty(api);
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        String body = "{\"shop_uuid\":\"" + shop + "\",\"contact_uuid\":\"" + contact + "\",\"credits\":7}";
        Api.Response first = keyed(api, "/credit-receptions", "rec-1", body);
        Api.Response replay = keyed(api, "/credit-receptions", "rec-1", body);
        assertThat(first.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(first.body());
        Api.Response conflict = keyed(api, "/credit-receptions", "rec-1", body.replace("7", "8"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo(1409);
        assertThat(loyalty.balance(contact)).as("credited once").isEqualTo(7);

        String reception = first.data().get("uuid").asString();
        Api.Response reversal = keyed(api, "/credit-receptions/" + reception + "/reverse", "rev-1", "{}");
        Api.Response reversalReplay = keyed(api, "/credit-receptions/" + reception + "/reverse", "rev-1", "{}");
        assertThat(reversal.status()).isEqualTo(200);
        assertThat(reversalReplay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(reversalReplay.data().get("uuid").asString()).isEqualTo(reversal.data().get("uuid").asString());
        assertThat(loyalty.balance(contact)).isZero();
    }

    static Api.Response keyed(Api api, String path, String key, String json) {
        return api.send(api.request(PREFIX + path).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static Api.Response reception(Api api, String shop, String contact, String unitValue, String unitName) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("shop_uuid", shop, "contact_uuid", contact,
                "unit_value", new BigDecimal(unitValue))); // a JSON number: JSON bodies are typed
        if (unitName != null) {
            body.put("unit_name", unitName);
        }
        Api.Response r = api.postJson(PREFIX + "/credit-receptions", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    private static Api.Response post(Api api, String shop, String contact, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("shop_uuid", shop);
        body.put("contact_uuid", contact);
        return api.postJson(PREFIX + "/credit-receptions", body);
    }
}
