package io.piggy.product;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import io.piggy.support.Concurrently;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

class ProductCategoriesIT extends ApiIT {
    private static final String CATEGORIES = PREFIX + "/product-categories";
    private static final String UNKNOWN = "0190d6b2-0000-7000-8000-000000000000";

    private static List<String> externals(JsonNode list) {
        List<String> result = new ArrayList<>();
        list.forEach(n -> result.add(n.get("external_identifier").asString()));
        return result;
    }

    private static int total(Api api) {
        return api.get(CATEGORIES).json().get("meta").get("total").asInt();
    }

    @Test
    void createGetFindListUpdateAndDelete() {
        Api api = as(newAccount("Categories lifecycle"));
        Api.Response created = api.postJson(CATEGORIES, Map.of("external_identifier", "CAT-1", "name", "Coffee"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode category = created.data();
        String uuid = category.get("uuid").asString();
        assertThat(category.propertyNames()).containsExactly("uuid", "external_identifier", "name");
        assertThat(category.get("name").asString()).isEqualTo("Coffee");

        assertThat(api.get(CATEGORIES + "/" + uuid).data()).isEqualTo(category);
        assertThat(api.get(CATEGORIES + "/find?external_identifier=CAT-1").data()).isEqualTo(category);
        api.postJson(CATEGORIES, Map.of("external_identifier", "CAT-2", "name", "Tea"));
        Api.Response page = api.get(CATEGORIES + "?limit=1&page=2");
        assertThat(externals(page.data())).containsExactly("CAT-2");
        assertThat(page.json().get("meta").get("total").asInt()).isEqualTo(2);
        assertThat(page.json().get("meta").get("last_page").asInt()).isEqualTo(2);
        assertThat(page.json().get("meta").get("viewing_from").asInt()).isEqualTo(2);

        Api.Response updated = api.putJson(CATEGORIES + "/" + uuid, Map.of("name", "Coffees"));
        assertThat(updated.data().get("name").asString()).isEqualTo("Coffees");
        assertThat(updated.data().get("external_identifier").asString()).isEqualTo("CAT-1");
        assertThat(api.putJson(CATEGORIES + "/" + uuid, Map.of("external_identifier", "CAT-9"))
                .data().get("external_identifier").asString()).isEqualTo("CAT-9");

        String product = api.postJson(PREFIX + "/products", Map.of("external_identifier", "P", "name", "P",
                "categories", List.of(Map.of("uuid", uuid)))).data().get("uuid").asString();
        Api.Response deleted = api.delete(CATEGORIES + "/" + uuid);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().has("data")).isTrue();
        assertThat(deleted.data().isNull()).isTrue();
        assertThat(api.get(CATEGORIES + "/" + uuid).code()).isEqualTo(60013);
        assertThat(api.get(PREFIX + "/products/" + product).data().get("categories"))
                .as("a deleted category is taken off its products").isEmpty();
    }

    @Test
    void errors() {
        Api api = as(newAccount("Categories errors"));
        api.postJson(CATEGORIES, Map.of("external_identifier", "ONE", "name", "One"));
        String two = api.postJson(CATEGORIES, Map.of("external_identifier", "TWO", "name", "Two"))
                .data().get("uuid").asString();

        assertThat(api.postJson(CATEGORIES, Map.of("name", "x")).json().get("errors").has("external_identifier")).isTrue();
        Api.Response noName = api.postJson(CATEGORIES, Map.of("external_identifier", "X"));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.code()).isEqualTo(1003);
        assertThat(noName.json().get("errors").has("name")).isTrue();
        Api.Response taken = api.postJson(CATEGORIES, Map.of("external_identifier", "ONE", "name", "Again"));
        assertThat(taken.code()).isEqualTo(1003);
        assertThat(taken.json().get("errors").has("external_identifier")).isTrue();

        Api.Response unknown = api.get(CATEGORIES + "/" + UNKNOWN);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(60013);
        assertThat(api.get(CATEGORIES + "/nope").code()).isEqualTo(1003);
        assertThat(api.get(CATEGORIES + "/find").code()).isEqualTo(1003);
        assertThat(api.get(CATEGORIES + "/find?external_identifier=NOPE").code()).isEqualTo(60013);
        assertThat(api.putJson(CATEGORIES + "/" + UNKNOWN, Map.of("name", "x")).code()).isEqualTo(60013);
        assertThat(api.delete(CATEGORIES + "/" + UNKNOWN).code()).isEqualTo(60013);
        Api.Response putTaken = api.putJson(CATEGORIES + "/" + two, Map.of("external_identifier", "ONE"));
        assertThat(putTaken.code()).isEqualTo(1003);
        assertThat(putTaken.json().get("errors").has("external_identifier")).isTrue();
        assertThat(api.putJson(CATEGORIES + "/" + two, Map.of("name", "")).json().get("errors").has("name")).isTrue();
        assertThat(api.get(CATEGORIES + "?limit=0").code()).isEqualTo(1003);
        assertThat(total(api)).isEqualTo(2);
    }

    @Test
    void findOrCreate() {
        Api api = as(newAccount("Categories find-or-create"));
        Api.Response missing = api.postJson(CATEGORIES + "/find-or-create", Map.of("name", "x"));
        assertThat(missing.code()).isEqualTo(1003);
        assertThat(missing.json().get("errors").has("external_identifier")).isTrue();

        Api.Response created = api.postJson(CATEGORIES + "/find-or-create", Map.of("external_identifier", "C", "name", "Cakes"));
        assertThat(created.status()).isEqualTo(200);
        Api.Response found = api.postJson(CATEGORIES + "/find-or-create", Map.of("external_identifier", "C"));
        assertThat(found.data()).isEqualTo(created.data());
        Api.Response nameless = api.postJson(CATEGORIES + "/find-or-create", Map.of("external_identifier", "N"));
        assertThat(nameless.status()).isEqualTo(200);
        assertThat(nameless.data().get("name").isNull()).isTrue();
        assertThat(total(api)).isEqualTo(2);
    }

    @Test
    void findOrCreateIsRaceSafe() throws Exception {
        Api api = as(newAccount("Categories race"));
        List<Api.Response> answers = Concurrently.run(30, i -> () -> api.form("POST", CATEGORIES + "/find-or-create",
                List.of(field("external_identifier", "RACE"), field("name", "Race " + i))));
        assertThat(ProductsIT.distinctUuids(answers)).hasSize(1);
        assertThat(total(api)).isEqualTo(1);
    }

    @Test
    void batchIsAllOrNothing() {
        Api api = as(newAccount("Categories batch"));
        api.postJson(CATEGORIES, Map.of("external_identifier", "EXISTING", "name", "Existing"));
        Api.Response rejected = api.postJson(CATEGORIES + "/batch", Map.of("categories", List.of(
                Map.of("external_identifier", "A", "name", "A"),
                Map.of("external_identifier", "B"),
                Map.of("external_identifier", "A", "name", "A again"),
                Map.of("external_identifier", "EXISTING", "name", "Taken"))));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.code()).isEqualTo(1003);
        assertThat(rejected.json().get("errors").propertyNames()).containsExactlyInAnyOrder(
                "categories.1.name", "categories.2.external_identifier", "categories.3.external_identifier");
        assertThat(total(api)).isEqualTo(1);

        Api.Response created = api.form("POST", CATEGORIES + "/batch", List.of(
                field("categories[0][external_identifier]", "A"), field("categories[0][name]", "A"),
                field("categories[1][external_identifier]", "B"), field("categories[1][name]", "B")));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(externals(created.data())).containsExactly("A", "B");
        assertThat(total(api)).isEqualTo(3);

        List<Map<String, String>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Map.of("external_identifier", "M" + i, "name", "M"));
        }
        assertThat(api.postJson(CATEGORIES + "/batch", Map.of("categories", tooMany)).json().get("errors")
                .has("categories")).isTrue();
        assertThat(api.postJson(CATEGORIES + "/batch", Map.of()).code()).isEqualTo(1003);
    }

    @Test
    void formBodies() {
        Api api = as(newAccount("Categories forms"));
        Api.Response created = api.form("POST", CATEGORIES, List.of(field("external_identifier", "F"), field("name", "Form")));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String uuid = created.data().get("uuid").asString();
        assertThat(api.form("PUT", CATEGORIES + "/" + uuid, List.of(field("name", "Renamed"))).data().get("name").asString())
                .isEqualTo("Renamed");
        assertThat(api.multipart("POST", CATEGORIES, List.of(field("external_identifier", "M"), field("name", "Multi")))
                .data().get("name").asString()).isEqualTo("Multi");
    }

    @Test
    void anotherAccountsCategoriesAreInvisible() {
        Api alice = as(newAccount("Categories A"));
        Api bob = as(newAccount("Categories B"));
        String uuid = alice.postJson(CATEGORIES, Map.of("external_identifier", "SHARED", "name", "Alice's"))
                .data().get("uuid").asString();
        assertThat(bob.get(CATEGORIES + "/" + uuid).code()).isEqualTo(60013);
        assertThat(bob.get(CATEGORIES + "/find?external_identifier=SHARED").code()).isEqualTo(60013);
        assertThat(bob.putJson(CATEGORIES + "/" + uuid, Map.of("name", "Bob's")).code()).isEqualTo(60013);
        assertThat(bob.delete(CATEGORIES + "/" + uuid).code()).isEqualTo(60013);
        assertThat(bob.get(CATEGORIES).data()).isEmpty();
        assertThat(bob.postJson(CATEGORIES, Map.of("external_identifier", "SHARED", "name", "Bob's")).status())
                .as("identifiers are unique per account").isEqualTo(200);
        assertThat(alice.get(CATEGORIES + "/" + uuid).data().get("name").asString()).isEqualTo("Alice's");
    }
}
