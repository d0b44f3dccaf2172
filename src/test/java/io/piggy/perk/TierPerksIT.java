package io.piggy.perk;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

/** Tier perk values (PUT/GET /tiers/{uuid}/perks) and a contact's perks through its tier. */
class TierPerksIT extends ApiIT {
    private static final String UNKNOWN = "0190d6b2-0000-7000-8000-000000000000";

    private static String create(Api api, String path, Map<String, Object> body) {
        Api.Response r = api.postJson(PREFIX + path, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().get("uuid").asString();
    }

    private static String discount(Api api) {
        return create(api, "/perks", Map.of("label", "Discount", "name", "discount", "data_type", "single_select",
                "options", List.of(Map.of("label", "None", "value", "0_off", "default", true),
                        Map.of("label", "10% off", "value", "10_off", "default", false),
                        Map.of("label", "20% off", "value", "20_off", "default", false))));
    }

    private static String delivery(Api api) {
        return create(api, "/perks", Map.of("label", "Free delivery", "name", "free_delivery", "data_type", "boolean"));
    }

    /** perk name → value, with * when a tier set it. */
    private static Map<String, String> values(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode item : response.data()) {
            values.put(item.get("perk").get("name").asString(),
                    item.get("value").asString() + (item.get("from_tier").asBoolean() ? "*" : ""));
        }
        return values;
    }

    @Test
    void tiersGiveValuesPerPerkAndContactsGetThemThroughTheirTier() {
        Api api = as(newAccount("Tier perks"));
        String discount = discount(api);
        delivery(api);
        String bronze = create(api, "/tiers", Map.of("name", "Bronze", "position", 1, "threshold", 0));
        String gold = create(api, "/tiers", Map.of("name", "Gold", "position", 2, "threshold", 1000));
        String contact = create(api, "/contacts", Map.of("email", "ada@example.com"));

        assertThat(values(api.get(PREFIX + "/tiers/" + bronze + "/perks")))
                .containsExactly(Map.entry("discount", "0_off"), Map.entry("free_delivery", "false"));
        Api.Response set = api.putJson(PREFIX + "/tiers/" + bronze + "/perks", Map.of("perks", List.of(
                Map.of("perk_uuid", discount, "value", "10_off"), Map.of("name", "free_delivery", "value", true))));
        assertThat(values(set)).containsExactly(Map.entry("discount", "10_off*"), Map.entry("free_delivery", "true*"));
        JsonNode item = set.data().get(0);
        assertThat(item.propertyNames()).containsExactly("perk", "value", "label", "from_tier");
        assertThat(item.get("perk").propertyNames()).containsExactly("uuid", "name", "label", "data_type");
        assertThat(item.get("perk").get("uuid").asString()).isEqualTo(discount);
        assertThat(item.get("label").asString()).isEqualTo("10% off");
        assertThat(values(api.get(PREFIX + "/tiers/" + bronze + "/perks"))).isEqualTo(values(set));
        assertThat(values(api.get(PREFIX + "/tiers/" + gold + "/perks"))).as("other tiers keep the defaults")
                .containsExactly(Map.entry("discount", "0_off"), Map.entry("free_delivery", "false"));

        // one value at a time, as a form; booleans as yes/no
        assertThat(values(api.form("PUT", PREFIX + "/tiers/" + gold + "/perks", List.of(field("name", "free_delivery"),
                field("value", "yes"))))).containsEntry("free_delivery", "true*");
        // and as on/off, the same words contacts' boolean attributes take
        assertThat(values(api.form("PUT", PREFIX + "/tiers/" + gold + "/perks", List.of(field("name", "free_delivery"),
                field("value", "off"))))).doesNotContainEntry("free_delivery", "true*");
        assertThat(values(api.form("PUT", PREFIX + "/tiers/" + gold + "/perks", List.of(field("name", "free_delivery"),
                field("value", "on"))))).containsEntry("free_delivery", "true*");

        // the contact is in Bronze (threshold 0)
        Api.Response perks = api.get(PREFIX + "/contacts/" + contact + "/perks");
        assertThat(values(perks)).containsExactly(Map.entry("discount", "10_off*"), Map.entry("free_delivery", "true*"));

        // null: back to the default; others stay
        Map<String, Object> reset = new HashMap<>();
        reset.put("perk_uuid", discount);
        reset.put("value", null);
        assertThat(values(api.putJson(PREFIX + "/tiers/" + bronze + "/perks", reset)))
                .containsExactly(Map.entry("discount", "0_off"), Map.entry("free_delivery", "true*"));

        // an option removed from the perk: the tiers that gave it give the default
        api.putJson(PREFIX + "/tiers/" + bronze + "/perks", Map.of("perk_uuid", discount, "value", "20_off"));
        assertThat(values(api.get(PREFIX + "/contacts/" + contact + "/perks"))).containsEntry("discount", "20_off*");
        Api.Response narrowed = api.putJson(PREFIX + "/perks/" + discount, Map.of("options", List.of(
                Map.of("label", "None", "value", "0_off", "default", false),
                Map.of("label", "Ten", "value", "10_off", "default", true))));
        assertThat(narrowed.status()).as(narrowed.toString()).isEqualTo(200);
        assertThat(values(api.get(PREFIX + "/contacts/" + contact + "/perks"))).containsEntry("discount", "10_off");
        assertThat(values(api.get(PREFIX + "/tiers/" + bronze + "/perks"))).containsEntry("discount", "10_off");

        // a deleted perk is gone from every tier
        api.delete(PREFIX + "/perks/" + discount);
        assertThat(values(api.get(PREFIX + "/contacts/" + contact + "/perks"))).containsOnlyKeys("free_delivery");
    }

    @Test
    void contactsInNoTierGetTheDefaults() {
        Api api = as(newAccount("Tier perks no tier"));
        discount(api);
        String gold = create(api, "/tiers", Map.of("name", "Gold", "position", 1, "threshold", 500));
        api.putJson(PREFIX + "/tiers/" + gold + "/perks", Map.of("name", "discount", "value", "20_off"));
        String contact = create(api, "/contacts", Map.of("email", "grace@example.com"));
        assertThat(values(api.get(PREFIX + "/contacts/" + contact + "/perks"))).containsExactly(Map.entry("discount", "0_off"));
        Api empty = as(newAccount("Tier perks nothing"));
        String lonely = create(empty, "/contacts", Map.of("email", "x@example.com"));
        assertThat(empty.get(PREFIX + "/contacts/" + lonely + "/perks").data()).isEmpty();
    }

    @Test
    void errors() {
        Api api = as(newAccount("Tier perks errors"));
        String discount = discount(api);
        String tier = create(api, "/tiers", Map.of("name", "Bronze", "position", 1, "threshold", 0));
        String perks = PREFIX + "/tiers/" + tier + "/perks";

        assertThat(api.get(PREFIX + "/tiers/" + UNKNOWN + "/perks").code()).isEqualTo(60013);
        assertThat(api.putJson(PREFIX + "/tiers/" + UNKNOWN + "/perks", Map.of("perk_uuid", discount, "value", "10_off"))
                .code()).isEqualTo(60013);
        assertThat(api.get(PREFIX + "/contacts/" + UNKNOWN + "/perks").code()).isEqualTo(55031);
        assertThat(api.putJson(perks, Map.of("perk_uuid", UNKNOWN, "value", "x")).code()).isEqualTo(110000);
        assertThat(api.putJson(perks, Map.of("name", "nope", "value", "x")).code()).isEqualTo(110000);

        Api.Response badValue = api.putJson(perks, Map.of("perks", List.of(Map.of("perk_uuid", discount, "value", "10_off"),
                Map.of("perk_uuid", discount, "value", "99_off"))));
        assertThat(badValue.code()).isEqualTo(1003);
        assertThat(badValue.json().get("errors").propertyNames()).containsExactly("perks.1.value");
        assertThat(api.putJson(perks, Map.of("value", "10_off")).json().get("errors").has("perk_uuid")).isTrue();
        assertThat(api.putJson(perks, Map.of("perks", List.of())).code()).isEqualTo(1003);
        assertThat(api.putJson(perks, Map.of("perk_uuid", discount, "name", "other", "value", "10_off")).code()).isEqualTo(1003);
        assertThat(api.putJson(perks, Map.of("perk_uuid", discount, "value", List.of("10_off"))).code()).isEqualTo(1003);
        assertThat(values(api.get(perks))).as("nothing was set").containsExactly(Map.entry("discount", "0_off"));

        Api other = as(newAccount("Tier perks stranger"));
        assertThat(other.get(perks.replace(PREFIX, PREFIX)).code()).isEqualTo(60013);
        String stranger = create(other, "/tiers", Map.of("name", "Mine", "position", 1, "threshold", 0));
        assertThat(other.putJson(PREFIX + "/tiers/" + stranger + "/perks", Map.of("perk_uuid", discount, "value", "10_off"))
                .code()).as("another account's perk").isEqualTo(110000);
    }
}
