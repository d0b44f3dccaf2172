package io.piggy.voucher;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

class PromotionsIT extends ApiIT {

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
}
