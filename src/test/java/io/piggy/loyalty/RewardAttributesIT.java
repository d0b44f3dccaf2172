package io.piggy.loyalty;

import io.piggy.shared.attribute.AttributeValuesTest;
import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

/** Reward attributes (§3.4): definitions, and the values rewards take for them by name. */
class RewardAttributesIT extends ApiIT {
    static final List<Map<String, Object>> COLORS = List.of(Map.of("label", "Blue", "value", 100),
            Map.of("label", "Red", "value", "red"));

    @Test
    void createAndList() {
        Api api = as(newAccount("Reward attributes"));
        Api.Response created = api.postJson(PREFIX + "/reward-attributes", Map.of("name", "allergens", "label",
                "Allergens", "description", "What it contains", "type", "multi_select", "placeholder", "Pick some",
                "options", List.of(Map.of("label", "Nuts", "value", "nuts"), Map.of("label", "Milk", "value", "milk"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode attribute = created.data();
        assertThat(attribute.get("name").asString()).isEqualTo("allergens");
        assertThat(attribute.get("label").asString()).isEqualTo("Allergens");
        assertThat(attribute.get("description").asString()).isEqualTo("What it contains");
        assertThat(attribute.get("type").asString()).isEqualTo("multi_select");
        assertThat(attribute.get("placeholder").asString()).isEqualTo("Pick some");
        assertThat(attribute.get("options").get(1).get("value").asString()).isEqualTo("milk");
        assertThat(attribute.get("options").get(1).get("label").asString()).isEqualTo("Milk");
        assertThat(attribute.get("is_piggy_defined").asBoolean()).isFalse();
        assertThat(attribute.get("is_soft_read_only").asBoolean()).isFalse();
        assertThat(attribute.get("is_hard_read_only").asBoolean()).isFalse();
        assertThat(attribute.has("field_type")).isTrue();

        Api.Response form = api.form("POST", PREFIX + "/reward-attributes", List.of(field("name", "plu"),
                field("type", "text")));
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        assertThat(form.data().get("label").asString()).as("the label defaults to the name").isEqualTo("plu");
        assertThat(api.postJson(PREFIX + "/reward-attributes", Map.of("name", "size", "data_type", "select",
                "options", Map.of("s", "Small", "l", "Large"))).status()).as("data_type and {value: label} work too")
                .isEqualTo(200);

        Api.Response all = api.get(PREFIX + "/reward-attributes");
        assertThat(all.data().valueStream().map(a -> a.get("name").asString())).containsExactly("allergens", "plu", "size");
        assertThat(all.json().get("meta").get("total").asLong()).isEqualTo(3);
        Api.Response second = api.get(PREFIX + "/reward-attributes?page=2&limit=2");
        assertThat(second.data().valueStream().map(a -> a.get("name").asString())).containsExactly("size");
        assertThat(second.json().get("meta").get("last_page").asLong()).isEqualTo(2);
        assertThat(api.get(PREFIX + "/reward-attributes?limit=101").code()).isEqualTo(1003);
        assertThat(as(newAccount("Reward attributes B")).get(PREFIX + "/reward-attributes").data())
                .as("per account").isEmpty();
    }

    @Test
    void definitionErrors() {
        Api api = as(newAccount("Reward attribute errors"));
        assertThat(create(api, Map.of("type", "text")).code()).isEqualTo(1003);
        for (String name : List.of("Bad-Name", "1st", "x".repeat(65))) {
            Api.Response refused = create(api, Map.of("name", name, "type", "text"));
            assertThat(refused.code()).as(name).isEqualTo(1003);
            assertThat(refused.json().get("errors").has("name")).isTrue();
        }
        for (String reserved : List.of("title", "stock", "required_credits", "attributes")) {
            assertThat(create(api, Map.of("name", reserved, "type", "text")).code()).as(reserved).isEqualTo(1003);
        }
        Api.Response badType = create(api, Map.of("name", "a", "type", "colour"));
        assertThat(badType.json().get("errors").has("type")).isTrue();
        assertThat(create(api, Map.of("name", "a")).code()).isEqualTo(1003);
        Api.Response noOptions = create(api, Map.of("name", "a", "type", "select"));
        assertThat(noOptions.json().get("errors").has("options")).isTrue();
        assertThat(create(api, Map.of("name", "a", "type", "select", "options",
                List.of(Map.of("value", "x"), Map.of("value", "x")))).code()).as("option values are unique").isEqualTo(1003);
        assertThat(create(api, Map.of("name", "a", "type", "text")).status()).isEqualTo(200);
        Api.Response twice = create(api, Map.of("name", "a", "type", "number"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo(60009);
    }

    /** One attribute of every type: a reward takes a good value of each and refuses a bad one, keyed by its name. */
    @Test
    void rewardsTakeValuesOfEveryType() {
        Api api = as(newAccount("Reward attribute values"));
        Map<String, Object> good = new LinkedHashMap<>();
        Map<String, Object> bad = new LinkedHashMap<>();
        AttributeValuesTest.CASES.forEach((type, cases) -> {
            String name = "a_" + type.apiName();
            Map<String, Object> body = new HashMap<>(Map.of("name", name, "type", type.apiName()));
            if (type.hasOptions()) {
                body.put("options", COLORS);
            }
            assertThat(create(api, body).status()).as(name).isEqualTo(200);
            good.put(name, cases.good().keySet().iterator().next());
            bad.put(name, cases.bad().get(0));
        });
        Map<String, Object> body = new HashMap<>(good);
        body.put("title", "Typed");
        body.put("required_credits", 5);
        Api.Response created = api.postJson(PREFIX + "/rewards", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String reward = created.data().get("uuid").asString();
        JsonNode shown = api.get(PREFIX + "/rewards/" + reward).data();
        good.keySet().forEach(name -> assertThat(shown.has(name)).as(name).isTrue());
        assertThat(shown.get("a_number").asLong()).as("stored as its type")
                .isEqualTo(new BigDecimal(String.valueOf(good.get("a_number"))).longValue());
        assertThat(shown.get("a_boolean").isBoolean()).isTrue();
        assertThat(shown.get("a_color").asString()).isEqualTo(((String) good.get("a_color")).toLowerCase());
        assertThat(api.get(PREFIX + "/rewards").data().get(0).get("a_text")).as("flattened in the list too")
                .isEqualTo(shown.get("a_text"));

        Api.Response refused = api.putJson(PREFIX + "/rewards/" + reward, bad);
        assertThat(refused.code()).isEqualTo(1003);
        assertThat(refused.json().get("errors").propertyNames()).containsExactlyInAnyOrderElementsOf(bad.keySet());
        Map<String, Object> badBody = new HashMap<>(bad);
        badBody.put("title", "Refused");
        badBody.put("required_credits", 1);
        assertThat(api.postJson(PREFIX + "/rewards", badBody).json().get("errors").propertyNames())
                .containsExactlyInAnyOrderElementsOf(bad.keySet());
        assertThat(api.get(PREFIX + "/rewards").data()).as("a refused reward is not made").hasSize(1);
        assertThat(api.get(PREFIX + "/rewards/" + reward).data()).as("a refused update changes nothing").isEqualTo(shown);
    }

    @Test
    void valuesAreSetEchoedAndRemovedByName() {
        Api api = as(newAccount("Reward attribute updates"));
        create(api, Map.of("name", "plu", "type", "text"));
        create(api, Map.of("name", "size", "type", "select", "options", List.of(Map.of("value", "S"), Map.of("value", "XL"))));
        create(api, Map.of("name", "vegan", "type", "boolean"));
        Api.Response created = api.postJson(PREFIX + "/rewards", Map.of("title", "Coffee", "required_credits", 5,
                "plu", "C-1", "attributes", Map.of("size", "S")));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String reward = created.data().get("uuid").asString();
        assertThat(created.data().path("size").asString()).as("an attributes object works too").isEqualTo("S");
        assertThat(created.data().has("attributes")).isFalse();

        Api.Response unknown = api.putJson(PREFIX + "/rewards/" + reward, Map.of("plu", "C-2", "colour", "red"));
        assertThat(unknown.code()).isEqualTo(1003);
        assertThat(unknown.json().get("errors").propertyNames()).containsExactly("colour");
        assertThat(api.get(PREFIX + "/rewards/" + reward).data().get("plu").asString()).isEqualTo("C-1");

        // the PHP SDK sends back title, description, required_credits and every other key it read, as a form
        JsonNode read = api.get(PREFIX + "/rewards/" + reward).data();
        List<Map.Entry<String, String>> echo = new ArrayList<>();
        read.properties().forEach(e -> {
            if (!List.of("uuid", "title", "description", "required_credits", "reward_type", "media", "active",
                    "is_active", "id", "stock", "cost_price").contains(e.getKey())) {
                echo.add(field(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asString()));
            }
        });
        echo.add(field("title", "Big coffee"));
        echo.add(field("required_credits", "6"));
        echo.add(field("vegan", "yes"));
        Api.Response updated = api.form("PUT", PREFIX + "/rewards/" + reward, echo);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.data().get("title").asString()).isEqualTo("Big coffee");
        assertThat(updated.data().get("plu").asString()).isEqualTo("C-1");
        assertThat(updated.data().get("size").asString()).isEqualTo("S");
        assertThat(updated.data().get("vegan").asBoolean()).isTrue();

        Map<String, Object> remove = new HashMap<>();
        remove.put("plu", null);
        remove.put("size", "");
        JsonNode removed = api.putJson(PREFIX + "/rewards/" + reward, remove).data();
        assertThat(removed.has("plu")).isFalse();
        assertThat(removed.has("size")).isFalse();
        assertThat(removed.get("vegan").asBoolean()).as("the others stay").isTrue();
    }

    private static Api.Response create(Api api, Map<String, Object> body) {
        return api.postJson(PREFIX + "/reward-attributes", body);
    }
}
