package io.piggy.perk;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import io.piggy.support.Concurrently;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

class PerksIT extends ApiIT {
    private static final String PERKS = PREFIX + "/perks";
    private static final String UNKNOWN = "0190d6b2-0000-7000-8000-000000000000";

    private static Map<String, Object> option(String label, String value, boolean isDefault) {
        return Map.of("label", label, "value", value, "default", isDefault);
    }

    private static Map<String, Object> discount() {
        return Map.of("label", "Discount", "name", "discount", "data_type", "single_select", "options", List.of(
                option("No discount", "0_off", true), option("10% off", "10_off", false)));
    }

    private static List<String> values(JsonNode perk) {
        List<String> values = new ArrayList<>();
        perk.get("options").forEach(o -> values.add(o.get("value").asString() + (o.get("default").asBoolean() ? "*" : "")));
        return values;
    }

    @Test
    void createListGetUpdateAndDelete() {
        Api api = as(newAccount("Perks lifecycle"));
        Api.Response created = api.postJson(PERKS, discount());
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode perk = created.data();
        String uuid = perk.get("uuid").asString();
        assertThat(perk.propertyNames()).containsExactly("uuid", "label", "name", "data_type", "options");
        assertThat(perk.get("label").asString()).isEqualTo("Discount");
        assertThat(perk.get("name").asString()).isEqualTo("discount");
        assertThat(perk.get("data_type").asString()).isEqualTo("single_select");
        assertThat(perk.get("options").get(0).propertyNames()).containsExactly("label", "value", "default");
        assertThat(values(perk)).containsExactly("0_off*", "10_off");

        Api.Response list = api.get(PERKS);
        assertThat(list.data()).hasSize(1);
        assertThat(list.data().get(0)).isEqualTo(perk);
        assertThat(api.get(PERKS + "/" + uuid).data()).isEqualTo(perk);

        Api.Response relabelled = api.putJson(PERKS + "/" + uuid, Map.of("label", "Store discount",
                "name", "renamed", "data_type", "boolean"));
        assertThat(relabelled.data().get("label").asString()).isEqualTo("Store discount");
        assertThat(relabelled.data().get("name").asString()).as("name stays").isEqualTo("discount");
        assertThat(relabelled.data().get("data_type").asString()).as("data type stays").isEqualTo("single_select");
        assertThat(values(relabelled.data())).as("options not given, kept").containsExactly("0_off*", "10_off");

        Api.Response reoptioned = api.putJson(PERKS + "/" + uuid, Map.of("options", List.of(
                option("20% off", "20_off", false), option("Ten percent", "10_off", true), option("None", "0_off", false))));
        assertThat(reoptioned.status()).as(reoptioned.toString()).isEqualTo(200);
        assertThat(values(reoptioned.data())).containsExactly("20_off", "10_off*", "0_off");
        assertThat(reoptioned.data().get("options").get(1).get("label").asString()).isEqualTo("Ten percent");
        assertThat(reoptioned.data().get("label").asString()).isEqualTo("Store discount");
        Api.Response narrowed = api.putJson(PERKS + "/" + uuid, Map.of("options", List.of(option("All", "all", true))));
        assertThat(values(narrowed.data())).as("options left out are removed").containsExactly("all*");

        Api.Response deleted = api.delete(PERKS + "/" + uuid);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"data\":null,\"meta\":{}}");
        assertThat(api.get(PERKS + "/" + uuid).code()).isEqualTo(110000);
        assertThat(api.get(PERKS).data()).isEmpty();
        assertThat(api.postJson(PERKS, discount()).status()).as("the name is free again").isEqualTo(200);
    }

    @Test
    void acceptsTheFormThePhpSdkSends() {
        Api api = as(newAccount("Perks SDK form"));
        Api.Response created = api.form("POST", PERKS, List.of(field("label", "Discount"), field("name", "discount"),
                field("dataType", "single_select"),
                field("options[0][label]", "No discount"), field("options[0][value]", "0_off"), field("options[0][default]", "1"),
                field("options[1][label]", "10% off"), field("options[1][value]", "10_off"), field("options[1][default]", "0")));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.data().get("data_type").asString()).isEqualTo("single_select");
        assertThat(values(created.data())).containsExactly("0_off*", "10_off");
        String uuid = created.data().get("uuid").asString();

        Api.Response updated = api.form("PUT", PERKS + "/" + uuid, List.of(field("label", "Korting")));
        assertThat(updated.data().get("label").asString()).isEqualTo("Korting");

        Api.Response multipart = api.multipart("POST", PERKS, List.of(field("label", "Delivery"),
                field("name", "free_delivery"), field("dataType", "boolean")));
        assertThat(multipart.status()).as(multipart.toString()).isEqualTo(200);
        assertThat(multipart.data().get("data_type").asString()).isEqualTo("boolean");
    }

    @Test
    void booleanPerksGetTheirOptionsImplicitly() {
        Api api = as(newAccount("Perks boolean"));
        Api.Response implicit = api.postJson(PERKS, Map.of("label", "Free delivery", "name", "free_delivery",
                "data_type", "boolean"));
        assertThat(implicit.status()).as(implicit.toString()).isEqualTo(200);
        assertThat(values(implicit.data())).containsExactly("true", "false*");

        Api.Response relabelled = api.postJson(PERKS, Map.of("label", "Lounge", "name", "lounge", "data_type", "boolean",
                "options", List.of(option("Welcome", "true", true), option("Not yet", "false", false))));
        assertThat(relabelled.status()).as(relabelled.toString()).isEqualTo(200);
        assertThat(values(relabelled.data())).containsExactly("true*", "false");

        Api.Response wrongValues = api.postJson(PERKS, Map.of("label", "Odd", "name", "odd", "data_type", "boolean",
                "options", List.of(option("Maybe", "maybe", true))));
        assertThat(wrongValues.code()).isEqualTo(1003);
        assertThat(wrongValues.json().get("errors").has("options")).isTrue();

        String uuid = implicit.data().get("uuid").asString();
        Api.Response badUpdate = api.putJson(PERKS + "/" + uuid, Map.of("options", List.of(option("A", "a", true))));
        assertThat(badUpdate.code()).isEqualTo(1003);
        assertThat(values(api.get(PERKS + "/" + uuid).data())).as("unchanged").containsExactly("true", "false*");
    }

    @Test
    void createErrors() {
        Api api = as(newAccount("Perks create errors"));
        api.postJson(PERKS, discount());

        Api.Response empty = api.postJson(PERKS, Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo(1003);
        assertThat(empty.json().get("errors").propertyNames()).contains("label", "name", "data_type");

        Map<String, Object> badType = new LinkedHashMap<>(discount());
        badType.put("name", "other");
        badType.put("data_type", "multi_select");
        assertThat(api.postJson(PERKS, badType).json().get("errors").has("data_type")).isTrue();

        Api.Response taken = api.postJson(PERKS, discount());
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.code()).isEqualTo(1003);
        assertThat(taken.json().get("errors").has("name")).isTrue();

        assertThat(optionErrors(api, null)).containsExactly("options");
        assertThat(optionErrors(api, List.of(option("A", "a", false), option("B", "b", false)))).containsExactly("options");
        assertThat(optionErrors(api, List.of(option("A", "a", true), option("B", "b", true)))).containsExactly("options");
        assertThat(optionErrors(api, List.of(option("A", "a", true), option("B", "a", false)))).containsExactly("options.1.value");
        assertThat(optionErrors(api, List.of(Map.of("value", "a", "default", true)))).containsExactly("options.0.label");
        assertThat(api.get(PERKS).data()).as("only the first was created").hasSize(1);
    }

    private static List<String> optionErrors(Api api, List<Map<String, Object>> options) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("label", "Level", "name", "level", "data_type", "single_select"));
        if (options != null) {
            body.put("options", options);
        }
        Api.Response r = api.postJson(PERKS, body);
        assertThat(r.code()).as(r.toString()).isEqualTo(1003);
        return r.json().get("errors").propertyNames().stream().toList();
    }

    @Test
    void unknownPerksAnswer110000() {
        Api api = as(newAccount("Perks unknown"));
        Api.Response get = api.get(PERKS + "/" + UNKNOWN);
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.code()).isEqualTo(110000);
        assertThat(api.putJson(PERKS + "/" + UNKNOWN, Map.of("label", "x")).code()).isEqualTo(110000);
        assertThat(api.delete(PERKS + "/" + UNKNOWN).code()).isEqualTo(110000);
        assertThat(api.get(PERKS + "/not-a-uuid").code()).isEqualTo(1003);

        String uuid = api.postJson(PERKS, discount()).data().get("uuid").asString();
        assertThat(api.putJson(PERKS + "/" + uuid, Map.of("label", " ")).json().get("errors").has("label")).isTrue();
    }

    @Test
    void concurrentOptionUpdatesLeaveOneConsistentSet() throws Exception {
        Api api = as(newAccount("Perks concurrent"));
        String uuid = api.postJson(PERKS, discount()).data().get("uuid").asString();
        List<Api.Response> answers = Concurrently.run(10, n -> () -> api.putJson(PERKS + "/" + uuid, Map.of("options",
                List.of(option("Shared", "10_off", n % 2 == 0), option("Own " + n, "own_" + n, n % 2 == 1)))));
        for (Api.Response r : answers) {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        JsonNode options = api.get(PERKS + "/" + uuid).data().get("options");
        assertThat(options).hasSize(2);
        assertThat(options.get(0).get("value").asString()).isEqualTo("10_off");
        int defaults = 0;
        for (JsonNode o : options) {
            defaults += o.get("default").asBoolean() ? 1 : 0;
        }
        assertThat(defaults).isEqualTo(1);
    }

    @Test
    void anotherAccountsPerksAreInvisible() {
        Api alice = as(newAccount("Perks A"));
        Api bob = as(newAccount("Perks B"));
        String uuid = alice.postJson(PERKS, discount()).data().get("uuid").asString();
        assertThat(bob.get(PERKS + "/" + uuid).code()).isEqualTo(110000);
        assertThat(bob.putJson(PERKS + "/" + uuid, Map.of("label", "Bob's")).code()).isEqualTo(110000);
        assertThat(bob.delete(PERKS + "/" + uuid).code()).isEqualTo(110000);
        assertThat(bob.get(PERKS).data()).isEmpty();
        assertThat(bob.postJson(PERKS, discount()).status()).as("names are unique per account").isEqualTo(200);
        assertThat(alice.get(PERKS + "/" + uuid).data().get("label").asString()).isEqualTo("Discount");
    }
}
