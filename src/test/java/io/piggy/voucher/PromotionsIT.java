package io.piggy.voucher;

import io.piggy.support.Api;
import io.piggy.support.PageMeta;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

class PromotionsIT extends ApiIT {
    @Autowired
    JdbcClient db;

    @Test
    void createListAndGet() {
        Api api = as(newAccount("Promotions"));
        Api.Response created = api.postJson(PREFIX + "/promotions", Map.of("name", "Summer", "description", "Hot deals",
                "type", "MULTI_USE", "redemptions_per_voucher", 3, "voucher_limit", 100, "limit_per_contact", 2,
                "expiration_duration", 86400));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        var p = created.data();
        assertThat(p.get("name").asString()).isEqualTo("Summer");
        assertThat(p.get("type").asString()).isEqualTo("MULTI_USE");
        assertThat(p.get("redemptions_per_voucher").asInt()).isEqualTo(3);
        assertThat(p.get("voucher_limit").asLong()).isEqualTo(100);
        assertThat(p.get("limit_per_contact").asInt()).isEqualTo(2);
        assertThat(p.get("expiration_duration").asLong()).isEqualTo(86400);
        assertThat(p.get("attributes").isObject()).isTrue();

        String uuid = p.get("uuid").asString();
        assertThat(api.get(PREFIX + "/promotions/" + uuid).data().get("name").asString()).isEqualTo("Summer");
        Api.Response list = api.get(PREFIX + "/promotions");
        assertThat(list.data()).hasSize(1);
        assertThat(list.data().get(0).get("uuid").asString()).isEqualTo(uuid);

        // the PHP SDK sends forms; a single-use promotion is the default
        Api.Response form = api.form("POST", PREFIX + "/promotions", List.of(field("name", "Form"),
                field("description", "From a form"), field("voucher_limit", "5")));
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        assertThat(form.data().get("type").asString()).isEqualTo("SINGLE_USE");
        assertThat(form.data().get("redemptions_per_voucher").asInt()).isEqualTo(1);
        assertThat(form.data().get("limit_per_contact").isNull()).isTrue();
    }

    @Test
    void errors() {
        Api api = as(newAccount("Promotion errors"));
        Api.Response unknown = api.get(PREFIX + "/promotions/0190d6b2-0000-7000-8000-000000000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(80002);
        assertThat(api.postJson(PREFIX + "/promotions", Map.of("description", "x")).code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/promotions", Map.of("name", "x")).code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/promotions", Map.of("name", "x", "description", "x", "type", "OTHER"))
                .json().get("errors").has("type")).isTrue();
        assertThat(api.postJson(PREFIX + "/promotions", Map.of("name", "x", "description", "x", "type", "MULTI_USE"))
                .json().get("errors").has("redemptions_per_voucher")).isTrue();
        assertThat(api.postJson(PREFIX + "/promotions", Map.of("name", "x", "description", "x",
                "redemptions_per_voucher", 2)).json().get("errors").has("redemptions_per_voucher")).isTrue();
        assertThat(api.postJson(PREFIX + "/promotions", Map.of("name", "x", "description", "x", "voucher_limit", "many"))
                .code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/promotions", Map.of("name", "x", "description", "x",
                "attributes", Map.of("unknown", 1))).code()).isEqualTo(1003);
    }

    @Test
    void anotherAccountsPromotionIsInvisible() {
        Api alice = as(newAccount("Promotions A"));
        Api bob = as(newAccount("Promotions B"));
        String uuid = VoucherFixtures.singleUse(alice);
        assertThat(bob.get(PREFIX + "/promotions/" + uuid).code()).isEqualTo(80002);
        assertThat(bob.get(PREFIX + "/promotions").data()).isEmpty();
    }

    @Test
    void attributesAreDefinedAndFlattenedIntoPromotions() {
        Api api = as(newAccount("Promotion attributes"));
        Api.Response created = api.postJson(PREFIX + "/promotion-attributes", Map.of("name", "plu", "label", "PLU",
                "type", "text", "description", "Till code"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long id = created.data().get("id").asLong();
        assertThat(created.data().get("options").isArray()).isTrue();

        Api.Response updated = api.putJson(PREFIX + "/promotion-attributes/" + id, Map.of("label", "Till PLU",
                "placeholder", "ABC123"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.data().get("label").asString()).isEqualTo("Till PLU");
        assertThat(updated.data().get("description").asString()).isEqualTo("Till code");
        assertThat(api.get(PREFIX + "/promotion-attributes/" + id).data().get("placeholder").asString()).isEqualTo("ABC123");
        assertThat(api.get(PREFIX + "/promotion-attributes").data()).hasSize(1);

        String promotion = VoucherFixtures.promotion(api, Map.of("attributes", Map.of("plu", "ABC123")));
        var p = api.get(PREFIX + "/promotions/" + promotion).data();
        assertThat(p.get("attributes").get("plu").asString()).isEqualTo("ABC123");
        assertThat(p.get("plu").asString()).as("flattened, as in Piggy's voucher responses").isEqualTo("ABC123");

        Api.Response duplicate = api.postJson(PREFIX + "/promotion-attributes", Map.of("name", "plu", "label", "x", "type", "text"));
        assertThat(duplicate.code()).isEqualTo(60009);
        assertThat(api.postJson(PREFIX + "/promotion-attributes", Map.of("name", "name", "label", "x", "type", "text"))
                .code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/promotion-attributes", Map.of("name", "colour", "label", "x", "type", "nope"))
                .json().get("errors").has("type")).isTrue();
        assertThat(api.putJson(PREFIX + "/promotion-attributes/999999999", Map.of("label", "x")).code()).isEqualTo(60013);
        assertThat(api.get(PREFIX + "/promotion-attributes/999999999").code()).isEqualTo(60013);
        assertThat(api.putJson(PREFIX + "/promotion-attributes/" + id, Map.of("name", "other")).code()).isEqualTo(1003);
    }

    @Test
    void listPagesWhenAskedAndIsTheFullListOtherwise() {
        Api api = as(newAccount("Promotion pages"));
        for (int i = 0; i < 5; i++) {
            VoucherFixtures.promotion(api, Map.of("name", "P" + i));
        }
        Api.Response all = api.get(PREFIX + "/promotions");
        assertThat(all.data()).hasSize(5);
        assertThat(all.json().get("meta").isEmpty()).as("no page asked: the full list, empty meta").isTrue();

        // as the PHP SDK sends it: page and limit in the query
        Api.Response page = api.get(PREFIX + "/promotions?page=2&limit=2");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.data()).extracting(p -> p.get("name").asString()).containsExactly("P2", "P3");
        assertThat(PageMeta.of(page)).isEqualTo(new PageMeta(2, 2, 3, 4, 3, 5));
        assertThat(api.get(PREFIX + "/promotions?page=3&limit=2").data()).extracting(p -> p.get("name").asString())
                .containsExactly("P4");
        assertThat(api.get(PREFIX + "/promotions?page=4&limit=2").data()).isEmpty();
        assertThat(api.get(PREFIX + "/promotions?page=1").data()).as("limit defaults to 30").hasSize(5);
        assertThat(api.get(PREFIX + "/promotions?limit=1").data()).extracting(p -> p.get("name").asString())
                .containsExactly("P0");

        assertThat(api.get(PREFIX + "/promotions?limit=101").json().get("errors").has("limit")).isTrue();
        assertThat(api.get(PREFIX + "/promotions?page=0").json().get("errors").has("page")).isTrue();
        assertThat(api.get(PREFIX + "/promotions?page=x").code()).isEqualTo(1003);
    }

    @Test
    void updateChangesWhatItIsGiven() {
        Api api = as(newAccount("Promotion update"));
        api.postJson(PREFIX + "/promotion-attributes", Map.of("name", "plu", "label", "PLU", "type", "text"));
        String uuid = VoucherFixtures.promotion(api, Map.of("name", "Spring", "voucher_limit", 10,
                "limit_per_contact", 2, "expiration_duration", 3600, "attributes", Map.of("plu", "A1")));
        assertThat(api.get(PREFIX + "/promotions/" + uuid).data().get("status").asString()).isEqualTo("ACTIVE");

        Api.Response updated = api.putJson(PREFIX + "/promotions/" + uuid, Map.of("name", "Summer",
                "description", "Hotter", "voucher_limit", 20, "limit_per_contact", 3, "expiration_duration", 7200,
                "status", "INACTIVE"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        var p = updated.data();
        assertThat(p.get("name").asString()).isEqualTo("Summer");
        assertThat(p.get("description").asString()).isEqualTo("Hotter");
        assertThat(p.get("voucher_limit").asLong()).isEqualTo(20);
        assertThat(p.get("limit_per_contact").asInt()).isEqualTo(3);
        assertThat(p.get("expiration_duration").asLong()).isEqualTo(7200);
        assertThat(p.get("status").asString()).isEqualTo("INACTIVE");
        assertThat(p.get("plu").asString()).as("untouched").isEqualTo("A1");
        assertThat(api.get(PREFIX + "/promotions/" + uuid).data().get("status").asString()).isEqualTo("INACTIVE");

        // a form as the PHP SDK would send it: empty values remove the limits and the duration
        Api.Response form = api.form("PUT", PREFIX + "/promotions/" + uuid, List.of(field("voucher_limit", ""),
                field("limit_per_contact", ""), field("status", "ACTIVE"), field("attributes[plu]", "B2")));
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        assertThat(form.data().get("voucher_limit").isNull()).isTrue();
        assertThat(form.data().get("limit_per_contact").isNull()).isTrue();
        assertThat(form.data().get("expiration_duration").asLong()).as("not sent: kept").isEqualTo(7200);
        assertThat(form.data().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(form.data().get("attributes").get("plu").asString()).isEqualTo("B2");
        assertThat(form.data().get("name").asString()).isEqualTo("Summer");

        // JSON null removes too; sending the object back unchanged (type, uuid, …) is fine
        var current = api.get(PREFIX + "/promotions/" + uuid).data();
        Map<String, Object> back = new java.util.HashMap<>(Map.of("uuid", uuid, "type", current.get("type").asString(),
                "redemptions_per_voucher", 1, "name", "Summer"));
        back.put("expiration_duration", null);
        back.put("attributes", java.util.Collections.singletonMap("plu", null));
        Api.Response cleared = api.putJson(PREFIX + "/promotions/" + uuid, back);
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.data().get("expiration_duration").isNull()).isTrue();
        assertThat(cleared.data().get("attributes").has("plu")).as("null removes a value").isFalse();
    }

    @Test
    void aNewExpirationDurationAppliesToVouchersMadeLater() {
        Api api = as(newAccount("Promotion duration"));
        String uuid = VoucherFixtures.promotion(api, Map.of("expiration_duration", 3600));
        String before = VoucherFixtures.voucher(api, uuid, Map.of("code", "DUR-1")).data().get("expiration_date").asString();
        assertThat(api.putJson(PREFIX + "/promotions/" + uuid, Map.of("expiration_duration", 86400 * 10)).status())
                .isEqualTo(200);
        assertThat(api.get(PREFIX + "/vouchers/find?code=DUR-1").data().get("expiration_date").asString())
                .isEqualTo(before);
        String after = VoucherFixtures.voucher(api, uuid, Map.of("code", "DUR-2")).data().get("expiration_date").asString();
        assertThat(java.time.OffsetDateTime.parse(after))
                .isAfter(java.time.OffsetDateTime.parse(before).plusDays(9));
    }

    @Test
    void theVoucherLimitCannotGoBelowTheVouchersMadeOrReserved() throws Exception {
        Api api = as(newAccount("Promotion limit"));
        String uuid = VoucherFixtures.promotion(api, Map.of("voucher_limit", 100));
        VoucherFixtures.voucher(api, uuid, "LIM-1");
        VoucherFixtures.voucher(api, uuid, "LIM-2");
        Api.Response batch = api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", uuid, "quantity", 5));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(201);

        Api.Response below = api.putJson(PREFIX + "/promotions/" + uuid, Map.of("voucher_limit", 6));
        assertThat(below.status()).isEqualTo(400);
        assertThat(below.code()).isEqualTo(1003);
        assertThat(below.json().get("errors").has("voucher_limit")).isTrue();
        assertThat(api.get(PREFIX + "/promotions/" + uuid).data().get("voucher_limit").asLong()).isEqualTo(100);

        Api.Response exact = api.putJson(PREFIX + "/promotions/" + uuid, Map.of("voucher_limit", 7));
        assertThat(exact.status()).as(exact.toString()).isEqualTo(200);
        assertThat(VoucherFixtures.voucher(api, uuid, Map.of("code", "LIM-3")).code()).isEqualTo(80008);
        VoucherBatchIT.awaitDone(api, batch.data().get("uuid").asString(), java.time.Duration.ofMinutes(1));
        assertThat(api.get(PREFIX + "/vouchers?promotion_uuid=" + uuid).json().get("meta").get("total").asInt())
                .isEqualTo(7);
    }

    @Test
    void updateErrors() {
        Api alice = as(newAccount("Promotion update errors"));
        Api bob = as(newAccount("Promotion update other"));
        String uuid = VoucherFixtures.singleUse(alice);
        Api.Response unknown = alice.putJson(PREFIX + "/promotions/0190d6b2-0000-7000-8000-000000000000",
                Map.of("name", "x"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(80002);
        assertThat(bob.putJson(PREFIX + "/promotions/" + uuid, Map.of("status", "INACTIVE")).code())
                .as("another account's promotion is unknown").isEqualTo(80002);
        assertThat(alice.get(PREFIX + "/promotions/" + uuid).data().get("status").asString()).isEqualTo("ACTIVE");
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("name", " "), Map.of("status", "OFF"),
                Map.of("type", "MULTI_USE"), Map.of("redemptions_per_voucher", 2), Map.of("voucher_limit", 0),
                Map.of("voucher_limit", "many"), Map.of("limit_per_contact", 3_000_000_000L),
                Map.of("expiration_duration", -5), Map.of("expiration_duration", 1.5),
                Map.of("attributes", Map.of("unknown", 1)))) {
            Api.Response r = alice.putJson(PREFIX + "/promotions/" + uuid, bad);
            assertThat(r.status()).as(bad + " → " + r).isEqualTo(400);
            assertThat(r.code()).isEqualTo(1003);
            String field = bad.keySet().iterator().next();
            assertThat(r.json().get("errors").propertyNames().iterator().next()).startsWith(field);
        }
        assertThat(alice.putJson(PREFIX + "/promotions/not-a-uuid", Map.of("name", "x")).code()).isEqualTo(1003);
    }

    @Test
    void anAttributeNamedLikeTheStatusFieldDoesNotShadowIt() {
        TestAccount account = newAccount("Promotion status attribute");
        Api api = as(account);
        assertThat(api.postJson(PREFIX + "/promotion-attributes", Map.of("name", "status", "label", "x", "type", "text"))
                .code()).as("status is a promotion field now").isEqualTo(1003);
        // one made before the field existed keeps its value under attributes only
        String uuid = VoucherFixtures.singleUse(api);
        db.sql("UPDATE promotions SET attributes = '{\"status\": \"draft\"}' WHERE account_id = :a")
                .param("a", java.util.UUID.fromString(account.uuid())).update();
        Api.Response got = api.get(PREFIX + "/promotions/" + uuid);
        assertThat(got.body()).as("not flattened beside the field").containsOnlyOnce("\"status\":\"draft\"");
        assertThat(got.data().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(got.data().get("attributes").get("status").asString()).isEqualTo("draft");
    }

    @Test
    void theNewEndpointsAreMarkedAsExtensions() {
        var paths = anonymous().get("/v3/api-docs").json().get("paths");
        var put = paths.get(PREFIX + "/promotions/{promotionUuid}").get("put");
        assertThat(put.get("x-piggy-extension").asBoolean()).isTrue();
        assertThat(put.get("description").asString()).contains("80020").contains("80002");
        assertThat(paths.get(PREFIX + "/promotions/{promotionUuid}").get("get").has("x-piggy-extension")).isFalse();
        assertThat(paths.get(PREFIX + "/vouchers/{voucherUuid}").get("get").get("x-piggy-extension").asBoolean())
                .isTrue();
        assertThat(paths.get(PREFIX + "/promotions").get("get").get("parameters").toString())
                .contains("\"page\"").contains("\"limit\"");
    }
}
