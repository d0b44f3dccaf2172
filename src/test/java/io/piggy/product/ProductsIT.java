package io.piggy.product;

import io.piggy.support.Api;
import io.piggy.support.PageMeta;
import io.piggy.support.ApiIT;
import io.piggy.support.Concurrently;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

class ProductsIT extends ApiIT {
    private static final String UNKNOWN = "0190d6b2-0000-7000-8000-000000000000";

    private static String category(Api api, String external, String name) {
        Api.Response r = api.postJson(PREFIX + "/product-categories", Map.of("external_identifier", external, "name", name));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().get("uuid").asString();
    }

    private static List<String> externals(JsonNode list) {
        List<String> result = new ArrayList<>();
        list.forEach(n -> result.add(n.get("external_identifier").asString()));
        return result;
    }

    /** Asserts every answer succeeded and gives the distinct uuids they name. */
    static Set<String> distinctUuids(List<Api.Response> answers) {
        Set<String> uuids = new HashSet<>();
        for (Api.Response r : answers) {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            uuids.add(r.data().get("uuid").asString());
        }
        return uuids;
    }

    private static int total(Api api) {
        return api.get(PREFIX + "/products").json().get("meta").get("total").asInt();
    }

    @Test
    void createGetFindUpdateAndDelete() {
        Api api = as(newAccount("Products lifecycle"));
        String coffee = category(api, "CAT-COFFEE", "Coffee");
        category(api, "CAT-TEA", "Tea");

        Api.Response created = api.postJson(PREFIX + "/products", Map.of("external_identifier", "A-12345-B",
                "name", "Kelp Shake", "description", "A Kelp Shake with extra foam",
                "categories", List.of(Map.of("external_identifier", "CAT-TEA"), Map.of("uuid", coffee))));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode product = created.data();
        String uuid = product.get("uuid").asString();
        assertThat(product.get("external_identifier").asString()).isEqualTo("A-12345-B");
        assertThat(product.get("name").asString()).isEqualTo("Kelp Shake");
        assertThat(product.get("description").asString()).isEqualTo("A Kelp Shake with extra foam");
        assertThat(externals(product.get("categories"))).as("in the order given").containsExactly("CAT-TEA", "CAT-COFFEE");
        assertThat(product.get("categories").get(1).get("name").asString()).isEqualTo("Coffee");

        assertThat(api.get(PREFIX + "/products/" + uuid).data()).isEqualTo(product);
        assertThat(api.get(PREFIX + "/products/find?external_identifier=A-12345-B").data()).isEqualTo(product);

        Api.Response updated = api.putJson(PREFIX + "/products/" + uuid, Map.of("name", "Kelp Shake XL",
                "description", "", "categories", List.of(Map.of("uuid", coffee))));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.data().get("name").asString()).isEqualTo("Kelp Shake XL");
        assertThat(updated.data().get("description").isNull()).as("an empty description clears it").isTrue();
        assertThat(updated.data().get("external_identifier").asString()).as("not given, unchanged").isEqualTo("A-12345-B");
        assertThat(externals(updated.data().get("categories"))).containsExactly("CAT-COFFEE");

        Api.Response renamed = api.putJson(PREFIX + "/products/" + uuid, Map.of("external_identifier", "A-2"));
        assertThat(renamed.data().get("external_identifier").asString()).isEqualTo("A-2");
        assertThat(externals(renamed.data().get("categories"))).as("categories not given, kept").containsExactly("CAT-COFFEE");
        assertThat(api.putJson(PREFIX + "/products/" + uuid, Map.of("categories", List.of()))
                .data().get("categories")).isEmpty();

        Api.Response deleted = api.delete(PREFIX + "/products/" + uuid);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().has("data")).isTrue();
        assertThat(deleted.data().isNull()).isTrue();
        assertThat(api.get(PREFIX + "/products/" + uuid).code()).isEqualTo(60013);
        assertThat(api.postJson(PREFIX + "/products", Map.of("external_identifier", "A-2", "name", "Again")).status())
                .as("a deleted product's external_identifier is free again").isEqualTo(200);
    }

    @Test
    void createErrors() {
        Api api = as(newAccount("Products create errors"));
        api.postJson(PREFIX + "/products", Map.of("external_identifier", "TAKEN", "name", "First"));

        Api.Response noIdentifier = api.postJson(PREFIX + "/products", Map.of("name", "Nameless"));
        assertThat(noIdentifier.status()).isEqualTo(400);
        assertThat(noIdentifier.code()).isEqualTo(1003);
        assertThat(noIdentifier.json().get("errors").has("external_identifier")).isTrue();

        Api.Response noName = api.postJson(PREFIX + "/products", Map.of("external_identifier", "X"));
        assertThat(noName.code()).isEqualTo(1003);
        assertThat(noName.json().get("errors").has("name")).isTrue();

        Api.Response taken = api.postJson(PREFIX + "/products", Map.of("external_identifier", "TAKEN", "name", "Second"));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.code()).isEqualTo(1003);
        assertThat(taken.json().get("errors").has("external_identifier")).isTrue();

        Api.Response tooLong = api.postJson(PREFIX + "/products", Map.of("external_identifier", "L", "name", "x".repeat(256)));
        assertThat(tooLong.json().get("errors").has("name")).isTrue();

        Api.Response badCategories = api.postJson(PREFIX + "/products", Map.of("external_identifier", "C", "name", "C",
                "categories", List.of(Map.of("external_identifier", "NOPE"), Map.of("uuid", "not-a-uuid"),
                        Map.of("uuid", UNKNOWN), Map.of())));
        assertThat(badCategories.code()).isEqualTo(1003);
        assertThat(badCategories.json().get("errors").propertyNames()).containsExactlyInAnyOrder(
                "categories.0.external_identifier", "categories.1.uuid", "categories.2.uuid", "categories.3");

        Api.Response notJson = api.json("POST", PREFIX + "/products", "{\"external_identifier\":");
        assertThat(notJson.code()).isEqualTo(1003);
        assertThat(total(api)).as("nothing but the first was created").isEqualTo(1);
    }

    @Test
    void readUpdateAndDeleteErrors() {
        Api api = as(newAccount("Products errors"));
        api.postJson(PREFIX + "/products", Map.of("external_identifier", "ONE", "name", "One"));
        String two = api.postJson(PREFIX + "/products", Map.of("external_identifier", "TWO", "name", "Two"))
                .data().get("uuid").asString();

        Api.Response unknown = api.get(PREFIX + "/products/" + UNKNOWN);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(60013);
        assertThat(api.get(PREFIX + "/products/not-a-uuid").code()).isEqualTo(1003);
        assertThat(api.get(PREFIX + "/products/find?external_identifier=NOPE").code()).isEqualTo(60013);
        assertThat(api.get(PREFIX + "/products/find").code()).isEqualTo(1003);
        assertThat(api.get(PREFIX + "/products/find?external_identifier=").code()).isEqualTo(1003);
        assertThat(api.putJson(PREFIX + "/products/" + UNKNOWN, Map.of("name", "x")).code()).isEqualTo(60013);
        assertThat(api.delete(PREFIX + "/products/" + UNKNOWN).code()).isEqualTo(60013);

        Api.Response taken = api.putJson(PREFIX + "/products/" + two, Map.of("external_identifier", "ONE"));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.code()).isEqualTo(1003);
        assertThat(taken.json().get("errors").has("external_identifier")).isTrue();
        Api.Response blankName = api.putJson(PREFIX + "/products/" + two, Map.of("name", " "));
        assertThat(blankName.json().get("errors").has("name")).isTrue();
        Api.Response badCategory = api.putJson(PREFIX + "/products/" + two,
                Map.of("categories", List.of(Map.of("external_identifier", "NOPE"))));
        assertThat(badCategory.json().get("errors").has("categories.0.external_identifier")).isTrue();
        assertThat(api.get(PREFIX + "/products/" + two).data().get("name").asString()).as("unchanged").isEqualTo("Two");

        assertThat(api.get(PREFIX + "/products?limit=101").code()).isEqualTo(1003);
        assertThat(api.get(PREFIX + "/products?page=0").code()).isEqualTo(1003);
        assertThat(api.get(PREFIX + "/products?sort=name").code()).isEqualTo(1003);
    }

    @Test
    void listsWithCustomPaging() {
        Api api = as(newAccount("Products paging"));
        for (String id : List.of("P1", "P2", "P3")) {
            api.postJson(PREFIX + "/products", Map.of("external_identifier", id, "name", id));
        }
        Api.Response first = api.get(PREFIX + "/products");
        assertThat(externals(first.data())).containsExactly("P1", "P2", "P3");
        assertThat(first.json().get("meta").get("limit").asInt()).as("default limit").isEqualTo(10);

        Api.Response second = api.get(PREFIX + "/products?page=2&limit=2");
        assertThat(externals(second.data())).containsExactly("P3");
        assertThat(PageMeta.of(second)).isEqualTo(new PageMeta(2, 2, 3, 3, 2, 3));

        assertThat(externals(api.get(PREFIX + "/products?sort=-created_at&limit=1").data())).containsExactly("P3");
        assertThat(api.get(PREFIX + "/products?created_at%5Bgt%5D=2999-01-01T00:00:00%2B00:00").data()).isEmpty();
    }

    @Test
    void findOrCreateFindsByExternalIdentifierElseCreates() {
        Api api = as(newAccount("Products find-or-create"));
        category(api, "CAT", "Category");
        Api.Response missing = api.postJson(PREFIX + "/products/find-or-create", Map.of("name", "No id"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo(1003);
        assertThat(missing.json().get("errors").has("external_identifier")).isTrue();

        Api.Response nameless = api.postJson(PREFIX + "/products/find-or-create", Map.of("external_identifier", "BARE"));
        assertThat(nameless.status()).as("the name is optional here").isEqualTo(200);
        assertThat(nameless.data().get("name").isNull()).isTrue();

        Api.Response created = api.postJson(PREFIX + "/products/find-or-create", Map.of("external_identifier", "SKU-1",
                "name", "Shake", "categories", List.of(Map.of("external_identifier", "CAT"))));
        assertThat(created.status()).isEqualTo(200);
        assertThat(externals(created.data().get("categories"))).containsExactly("CAT");

        Api.Response found = api.postJson(PREFIX + "/products/find-or-create", Map.of("external_identifier", "SKU-1",
                "name", "Another name"));
        assertThat(found.data()).as("found as it is, the new name ignored").isEqualTo(created.data());

        Api.Response badCategory = api.postJson(PREFIX + "/products/find-or-create", Map.of("external_identifier", "SKU-2",
                "categories", List.of(Map.of("uuid", UNKNOWN))));
        assertThat(badCategory.json().get("errors").has("categories.0.uuid")).isTrue();
        assertThat(total(api)).isEqualTo(2);
    }

    @Test
    void findOrCreateIsRaceSafe() throws Exception {
        Api api = as(newAccount("Products race"));
        List<Api.Response> answers = Concurrently.run(30, i -> () -> api.postJson(PREFIX + "/products/find-or-create",
                Map.of("external_identifier", "RACE-1", "name", "Racer " + i)));
        assertThat(distinctUuids(answers)).hasSize(1);
        assertThat(total(api)).isEqualTo(1);
    }

    @Test
    void batchCreatesAllInOrder() {
        Api api = as(newAccount("Products batch"));
        category(api, "CAT", "Category");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("external_identifier", "B-" + i);
            item.put("name", "Product " + i);
            if (i % 100 == 0) {
                item.put("categories", List.of(Map.of("external_identifier", "CAT")));
            }
            items.add(item);
        }
        Api.Response created = api.postJson(PREFIX + "/products/batch", Map.of("products", items));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.data()).hasSize(1000);
        assertThat(created.data().get(7).get("external_identifier").asString()).isEqualTo("B-7");
        assertThat(externals(created.data().get(100).get("categories"))).containsExactly("CAT");
        assertThat(created.data().get(101).get("categories")).isEmpty();
        assertThat(total(api)).isEqualTo(1000);

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Map.of("external_identifier", "M-" + i, "name", "M"));
        }
        Api.Response rejected = api.postJson(PREFIX + "/products/batch", Map.of("products", tooMany));
        assertThat(rejected.code()).isEqualTo(1003);
        assertThat(rejected.json().get("errors").has("products")).isTrue();
        assertThat(api.postJson(PREFIX + "/products/batch", Map.of("products", List.of())).code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/products/batch", Map.of()).code()).isEqualTo(1003);
        assertThat(total(api)).isEqualTo(1000);
    }

    @Test
    void batchIsAllOrNothingAndNamesEveryBadItem() {
        Api api = as(newAccount("Products batch errors"));
        api.postJson(PREFIX + "/products", Map.of("external_identifier", "EXISTING", "name", "Existing"));
        List<Object> items = new ArrayList<>();
        items.add(Map.of("external_identifier", "OK-0", "name", "Fine"));
        items.add(Map.of("external_identifier", "OK-1"));
        items.add(Map.of("external_identifier", "OK-0", "name", "Twice"));
        items.add(Map.of("external_identifier", "EXISTING", "name", "Taken"));
        items.add(Map.of("external_identifier", "OK-4", "name", "Bad category",
                "categories", List.of(Map.of("external_identifier", "NOPE"))));
        items.add(null);
        items.add(Map.of("external_identifier", "OK-6", "name", "Fine too"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("products", items);

        Api.Response rejected = api.postJson(PREFIX + "/products/batch", body);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.code()).isEqualTo(1003);
        assertThat(rejected.json().get("errors").propertyNames()).containsExactlyInAnyOrder(
                "products.1.name", "products.2.external_identifier", "products.3.external_identifier",
                "products.4.categories.0.external_identifier", "products.5");
        assertThat(total(api)).as("none created").isEqualTo(1);
        assertThat(api.get(PREFIX + "/products/find?external_identifier=OK-0").code()).isEqualTo(60013);
    }

    @Test
    void phpFormsAndMultipartMeanTheSame() {
        Api api = as(newAccount("Products forms"));
        category(api, "CAT", "Category");
        Api.Response form = api.form("POST", PREFIX + "/products", List.of(field("external_identifier", "F-1"),
                field("name", "Form product"), field("categories[0][external_identifier]", "CAT")));
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        assertThat(externals(form.data().get("categories"))).containsExactly("CAT");
        String uuid = form.data().get("uuid").asString();

        Api.Response put = api.form("PUT", PREFIX + "/products/" + uuid, List.of(field("description", "From a form")));
        assertThat(put.data().get("description").asString()).isEqualTo("From a form");

        Api.Response multipart = api.multipart("POST", PREFIX + "/products/find-or-create",
                List.of(field("external_identifier", "F-2"), field("name", "Multipart product")));
        assertThat(multipart.data().get("name").asString()).isEqualTo("Multipart product");

        Api.Response batch = api.form("POST", PREFIX + "/products/batch", List.of(
                field("products[0][external_identifier]", "F-3"), field("products[0][name]", "Three"),
                field("products[1][external_identifier]", "F-4")));
        assertThat(batch.code()).isEqualTo(1003);
        assertThat(batch.json().get("errors").has("products.1.name")).isTrue();
    }

    @Test
    void anotherAccountsProductsAndCategoriesAreInvisible() {
        Api alice = as(newAccount("Products A"));
        Api bob = as(newAccount("Products B"));
        String aliceCategory = category(alice, "CAT", "Alice's");
        String uuid = alice.postJson(PREFIX + "/products", Map.of("external_identifier", "SHARED", "name", "Alice's"))
                .data().get("uuid").asString();

        assertThat(bob.get(PREFIX + "/products/" + uuid).code()).isEqualTo(60013);
        assertThat(bob.get(PREFIX + "/products/find?external_identifier=SHARED").code()).isEqualTo(60013);
        assertThat(bob.putJson(PREFIX + "/products/" + uuid, Map.of("name", "Bob's")).code()).isEqualTo(60013);
        assertThat(bob.delete(PREFIX + "/products/" + uuid).code()).isEqualTo(60013);
        assertThat(bob.get(PREFIX + "/products").data()).isEmpty();
        Api.Response foreignCategory = bob.postJson(PREFIX + "/products", Map.of("external_identifier", "B", "name", "B",
                "categories", List.of(Map.of("uuid", aliceCategory))));
        assertThat(foreignCategory.json().get("errors").has("categories.0.uuid")).isTrue();

        Api.Response bobs = bob.postJson(PREFIX + "/products/find-or-create", Map.of("external_identifier", "SHARED",
                "name", "Bob's"));
        assertThat(bobs.data().get("uuid").asString()).as("identifiers are unique per account").isNotEqualTo(uuid);
        assertThat(alice.get(PREFIX + "/products/" + uuid).data().get("name").asString()).isEqualTo("Alice's");
    }
}
