package io.piggy.form;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

/** The forms API: create, list (§2.9 shape and filters), get, update, delete, submissions; every error. */
class FormsIT extends ApiIT {
    static final String FORMS = PREFIX + "/forms";
    private static final String UNKNOWN = "0190d6b2-0000-7000-8000-000000000000";

    static String subscriptionType(Api api, String name, String strategy) {
        Api.Response r = api.postJson(PREFIX + "/subscription-types", Map.of("name", name, "strategy", strategy));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().get("uuid").asString();
    }

    static JsonNode createForm(Api api, Map<String, Object> body) {
        Api.Response r = api.postJson(FORMS, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data();
    }

    @Test
    void createGetListUpdateAndDelete() {
        Api api = as(newAccount("Forms lifecycle"));
        String newsletter = subscriptionType(api, "Newsletter", "OPT_IN");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Sign up");
        body.put("status", "published");
        body.put("fields", List.of("firstname", "birthdate"));
        body.put("subscription_type_uuids", List.of(newsletter));
        body.put("credits", 50);
        body.put("thank_you_text", "Welcome!");
        JsonNode form = createForm(api, body);
        String uuid = form.get("uuid").asString();
        assertThat(form.propertyNames()).containsExactly("uuid", "name", "status", "type", "url", "fields",
                "subscription_type_uuids", "credits", "thank_you_text", "created_at", "updated_at");
        assertThat(form.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(form.get("type").asString()).as("default type").isEqualTo("PUBLIC");
        assertThat(form.get("url").asString()).startsWith("http://").endsWith("/forms/" + uuid);
        assertThat(form.get("fields").toString()).isEqualTo("[\"firstname\",\"birthdate\"]");
        assertThat(form.get("subscription_type_uuids").get(0).asString()).isEqualTo(newsletter);
        assertThat(form.get("credits").asLong()).isEqualTo(50);
        assertThat(form.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
        assertThat(api.get(FORMS + "/" + uuid).data()).isEqualTo(form);

        JsonNode draft = createForm(api, Map.of("name", "Survey", "type", "PRIVATE"));
        assertThat(draft.get("status").asString()).as("default status").isEqualTo("DRAFT");
        assertThat(draft.get("fields")).isEmpty();
        assertThat(draft.get("credits").asLong()).isZero();
        assertThat(draft.get("thank_you_text").isNull()).isTrue();

        Api.Response list = api.get(FORMS);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("meta").toString()).isEqualTo("{}");
        assertThat(list.data()).hasSize(2);
        assertThat(list.data().get(0).propertyNames()).containsExactly("uuid", "name", "status", "type", "url");
        assertThat(list.data().get(0).get("uuid").asString()).isEqualTo(uuid);
        assertThat(list.data().get(0).get("url").asString()).isEqualTo(form.get("url").asString());
        assertThat(names(api.get(FORMS + "?status=PUBLISHED"))).containsExactly("Sign up");
        assertThat(names(api.get(FORMS + "?status=DRAFT&type=PRIVATE"))).containsExactly("Survey");
        assertThat(names(api.get(FORMS + "?type=PUBLIC&status=DRAFT"))).isEmpty();
        assertThat(names(api.get(FORMS + "?status=bin"))).isEmpty();

        Api.Response updated = api.putJson(FORMS + "/" + uuid, Map.of("name", "Join us", "fields", List.of("email", "lastname"),
                "thank_you_text", ""));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.data().get("name").asString()).isEqualTo("Join us");
        assertThat(updated.data().get("fields").toString()).isEqualTo("[\"email\",\"lastname\"]");
        assertThat(updated.data().get("thank_you_text").isNull()).as("blank clears").isTrue();
        assertThat(updated.data().get("credits").asLong()).as("left out, kept").isEqualTo(50);
        assertThat(updated.data().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(api.form("PUT", FORMS + "/" + uuid, List.of(field("status", "BIN"), field("credits", "7")))
                .data().get("status").asString()).as("form bodies too").isEqualTo("BIN");
        assertThat(api.get(FORMS + "/" + uuid).data().get("credits").asLong()).isEqualTo(7);

        Api.Response deleted = api.delete(FORMS + "/" + uuid);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"data\":null,\"meta\":{}}");
        assertThat(api.get(FORMS + "/" + uuid).code()).isEqualTo(60013);
        assertThat(names(api.get(FORMS))).containsExactly("Survey");
    }

    @Test
    void invalidFormsAreRefusedPerField() {
        Api api = as(newAccount("Forms errors"));
        assertThat(api.postJson(FORMS, Map.of("fields", List.of())).code()).isEqualTo(1003);
        Api.Response bad = api.postJson(FORMS, Map.of("name", "x", "fields",
                List.of("firstname", "no_such_attribute", "loyalty_balance", "firstname"),
                "subscription_type_uuids", List.of(UNKNOWN)));
        assertThat(bad.code()).isEqualTo(1003);
        assertThat(bad.json().get("errors").propertyNames())
                .containsExactlyInAnyOrder("fields.1", "fields.2", "fields.3", "subscription_type_uuids.0");
        assertThat(api.postJson(FORMS, Map.of("name", "x", "status", "LIVE")).json().get("errors").has("status")).isTrue();
        assertThat(api.postJson(FORMS, Map.of("name", "x", "type", "SECRET")).json().get("errors").has("type")).isTrue();
        assertThat(api.postJson(FORMS, Map.of("name", "x", "credits", -1)).json().get("errors").has("credits")).isTrue();
        assertThat(api.postJson(FORMS, Map.of("name", " ")).code()).isEqualTo(1003);
        assertThat(api.postJson(FORMS, Map.of("name", "x", "subscription_type_uuids", List.of("not-a-uuid"))).code())
                .isEqualTo(1003);
        String inactive = api.postJson(PREFIX + "/subscription-types", Map.of("name", "Old", "strategy", "OPT_IN",
                "active", false)).data().get("uuid").asString();
        assertThat(api.postJson(FORMS, Map.of("name", "x", "subscription_type_uuids", List.of(inactive))).code())
                .as("inactive types enrol nobody").isEqualTo(1003);
        assertThat(api.get(FORMS).data()).as("nothing was created").isEmpty();

        assertThat(api.get(FORMS + "?status=LIVE").code()).isEqualTo(1003);
        assertThat(api.get(FORMS + "?type=SECRET").code()).isEqualTo(1003);

        String uuid = createForm(api, Map.of("name", "ok")).get("uuid").asString();
        assertThat(api.putJson(FORMS + "/" + uuid, Map.of("fields", List.of("nope"))).code()).isEqualTo(1003);
        assertThat(api.putJson(FORMS + "/" + uuid, Map.of("name", "")).code()).isEqualTo(1003);
        assertThat(api.get(FORMS + "/" + uuid).data().get("name").asString()).isEqualTo("ok");
    }

    @Test
    void unknownFormsAndOtherAccountsFormsAreNotFound() {
        Api api = as(newAccount("Forms owner"));
        Api other = as(newAccount("Forms stranger"));
        String uuid = createForm(api, Map.of("name", "Mine")).get("uuid").asString();
        for (Api caller : List.of(api, other)) {
            String id = caller == api ? UNKNOWN : uuid;
            assertThat(caller.get(FORMS + "/" + id).code()).isEqualTo(60013);
            assertThat(caller.putJson(FORMS + "/" + id, Map.of("name", "x")).code()).isEqualTo(60013);
            assertThat(caller.delete(FORMS + "/" + id).code()).isEqualTo(60013);
            assertThat(caller.get(FORMS + "/" + id + "/submissions").code()).isEqualTo(60013);
        }
        assertThat(other.get(FORMS).data()).isEmpty();
        assertThat(api.get(FORMS + "/not-a-uuid").code()).isEqualTo(1003);
        assertThat(anonymous().get(FORMS).status()).isEqualTo(401);
        assertThat(api.get(FORMS + "/" + uuid).data().get("name").asString()).isEqualTo("Mine");
    }

    @Test
    void submissionsListIsEmptyAndValidatesPaging() {
        Api api = as(newAccount("Forms submissions paging"));
        String uuid = createForm(api, Map.of("name", "Quiet")).get("uuid").asString();
        Api.Response empty = api.get(FORMS + "/" + uuid + "/submissions");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.data()).isEmpty();
        assertThat(empty.json().get("meta").propertyNames())
                .containsExactly("page", "limit", "viewing_from", "viewing_to", "last_page", "total");
        assertThat(api.get(FORMS + "/" + uuid + "/submissions?limit=101").code()).isEqualTo(1003);
        assertThat(api.get(FORMS + "/" + uuid + "/submissions?page=0").code()).isEqualTo(1003);
        assertThat(api.get(FORMS + "/" + uuid + "/submissions?sort=name").code()).isEqualTo(1003);
        assertThat(api.get(FORMS + "/" + uuid + "/submissions?created_at%5Bgt%5D=yesterday").code()).isEqualTo(1003);
    }

    private static List<String> names(Api.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> names = new java.util.ArrayList<>();
        list.data().forEach(f -> names.add(f.get("name").asString()));
        return names;
    }
}
