package io.piggy.loyalty;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

class RewardsIT extends ApiIT {
    private static final String UNKNOWN = "0190d6b2-0000-7000-8000-000000000000";

    @Test
    void createGetAndUpdate() {
        Api api = as(newAccount("Rewards"));
        for (String attribute : List.of("plu", "size")) {
            api.postJson(PREFIX + "/reward-attributes", Map.of("name", attribute, "type", "text"));
        }
        Api.Response created = api.postJson(PREFIX + "/rewards", Map.of("title", "Coffee", "description", "A cup",
                "required_credits", 50, "type", "PHYSICAL", "stock", 3, "limit_per_contact", 2,
                "media", Map.of("type", "image", "value", "https://example.com/cup.png"), "plu", "C-1"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode reward = created.data();
        assertThat(reward.get("id").isIntegralNumber()).isTrue();
        assertThat(reward.get("reward_type").asString()).isEqualTo("PHYSICAL");
        assertThat(reward.get("required_credits").asLong()).isEqualTo(50);
        assertThat(reward.get("active").asBoolean()).isTrue();
        assertThat(reward.get("is_active").asBoolean()).isTrue();
        assertThat(reward.get("stock").asLong()).isEqualTo(3);
        assertThat(reward.get("limit_per_contact").asLong()).isEqualTo(2);
        assertThat(reward.get("media").get("value").asString()).isEqualTo("https://example.com/cup.png");
        assertThat(reward.get("plu").asString()).as("custom attributes are flattened").isEqualTo("C-1");
        String uuid = reward.get("uuid").asString();

        assertThat(api.get(PREFIX + "/rewards/" + uuid).data()).isEqualTo(reward);

        // the PHP SDK sends back what it read: title, description, required_credits and its "attributes"
        Api.Response updated = api.form("PUT", PREFIX + "/rewards/" + uuid, List.of(field("title", "Big coffee"),
                field("description", "A mug"), field("required_credits", "60"), field("plu", "C-2"),
                field("type", "PHYSICAL"), field("limit_per_contact", "2"), field("pre_redeemable", "0"),
                field("created_at", "2026-01-01T00:00:00+00:00"), field("size", "XL")));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.data().get("title").asString()).isEqualTo("Big coffee");
        assertThat(updated.data().get("required_credits").asLong()).isEqualTo(60);
        assertThat(updated.data().get("plu").asString()).isEqualTo("C-2");
        assertThat(updated.data().get("size").asString()).isEqualTo("XL");
        assertThat(updated.data().get("stock").asLong()).as("left out: unchanged").isEqualTo(3);
        assertThat(updated.data().get("created_at").asString()).isEqualTo(reward.get("created_at").asString());

        Api.Response unlimited = api.putJson(PREFIX + "/rewards/" + uuid,
                java.util.Collections.singletonMap("stock", null));
        assertThat(unlimited.data().get("stock").isNull()).isTrue();
        Api.Response inactive = api.form("PUT", PREFIX + "/rewards/" + uuid, List.of(field("active", "0"),
                field("limit_per_contact", ""), field("type", "digital")));
        assertThat(inactive.data().get("active").asBoolean()).isFalse();
        assertThat(inactive.data().get("limit_per_contact").isNull()).isTrue();
        assertThat(inactive.data().get("reward_type").asString()).isEqualTo("DIGITAL");
    }

    @Test
    void listWithAContactShowsOnlyWhatItCanClaimNow() {
        Api api = as(newAccount("Claimable"));
        Loyalty loyalty = new Loyalty(api);
        String shop = loyalty.shop();
        String cheap = loyalty.newReward(10, Map.of());
        String once = loyalty.newReward(5, Map.of("limit_per_contact", 1));
        String dear = loyalty.newReward(1000, Map.of());
        String gone = loyalty.newReward(1, Map.of("stock", 0));
        String off = loyalty.newReward(1, Map.of("active", false));
        String contact = loyalty.newContact();
        loyalty.received(shop, contact, 20);
        assertThat(titles(api.get(PREFIX + "/rewards"))).hasSize(5);
        assertThat(uuids(api.get(PREFIX + "/rewards?contact_uuid=" + contact))).containsExactly(cheap, once);
        assertThat(loyalty.claim(shop, contact, once).status()).isEqualTo(200);
        assertThat(uuids(api.get(PREFIX + "/rewards?contact_uuid=" + contact + "&shop_uuid=" + shop)))
                .as("claimed its one time; 15 credits left").containsExactly(cheap);
        assertThat(uuids(api.get(PREFIX + "/rewards?contact_uuid=" + contact))).doesNotContain(dear, gone, off);
        assertThat(api.get(PREFIX + "/rewards?contact_uuid=" + UNKNOWN).code()).isEqualTo(55031);
        assertThat(api.get(PREFIX + "/rewards?shop_uuid=" + UNKNOWN).code()).isEqualTo(1008);
    }

    @Test
    void errors() {
        Api api = as(newAccount("Reward errors"));
        assertThat(api.get(PREFIX + "/rewards/" + UNKNOWN).code()).isEqualTo(6003);
        assertThat(api.putJson(PREFIX + "/rewards/" + UNKNOWN, Map.of("title", "x")).code()).isEqualTo(6003);
        Api.Response invalid = api.postJson(PREFIX + "/rewards", Map.of("description", "no title"));
        assertThat(invalid.code()).isEqualTo(1003);
        assertThat(invalid.json().get("errors").propertyNames()).contains("title", "required_credits");
        assertThat(api.postJson(PREFIX + "/rewards", Map.of("title", "T", "required_credits", -1)).code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/rewards", Map.of("title", "T", "required_credits", 1, "type", "VIRTUAL")).code())
                .isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/rewards", Map.of("title", "T", "required_credits", 1, "stock", -2)).code())
                .isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/rewards", Map.of("title", "T", "required_credits", 1, "limit_per_contact", 0))
                .code()).isEqualTo(1003);
        String reward = new Loyalty(api).newReward(1, Map.of());
        assertThat(api.putJson(PREFIX + "/rewards/" + reward, Map.of("stock", "lots")).code()).isEqualTo(1003);
        Loyalty other = new Loyalty(as(newAccount("Reward errors B")));
        assertThat(other.api().get(PREFIX + "/rewards/" + reward).code()).as("another account's reward").isEqualTo(6003);
    }

    private static List<String> titles(Api.Response r) {
        return r.data().valueStream().map(n -> n.get("title").asString()).toList();
    }

    private static List<String> uuids(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().valueStream().map(n -> n.get("uuid").asString()).toList();
    }
}
