package io.piggy.shared.api;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

/** JSON, PHP-bracket forms and multipart decode to the same request. */
class BodyFormatsIT extends ApiIT {
    private static final List<Map.Entry<String, String>> FIELDS = List.of(
            field("name", "Ada"),
            field("attributes[firstname]", "Ada"),
            field("attributes[lastname]", "Lovelace"),
            field("options[0][label]", "Blue"),
            field("options[0][value]", "100"),
            field("options[1][label]", "Red"),
            field("options[1][value]", "200"),
            field("tags[]", "vip"),
            field("tags[]", "new"));

    private static final String JSON = """
            {"name":"Ada","attributes":{"firstname":"Ada","lastname":"Lovelace"},
             "options":[{"label":"Blue","value":"100"},{"label":"Red","value":"200"}],
             "tags":["vip","new"]}""";

    @Test
    void nestedBodiesDecodeAlikeInAllThreeEncodings() {
        Api api = as(newAccount("Bodies"));
        JsonNode fromJson = api.postJson(PREFIX + "/test-echo", JSON).data();
        JsonNode fromForm = api.form("POST", PREFIX + "/test-echo", FIELDS).data();
        JsonNode fromMultipart = api.multipart("POST", PREFIX + "/test-echo", FIELDS).data();

        assertThat(fromForm).isEqualTo(fromJson);
        assertThat(fromMultipart).isEqualTo(fromJson);
        assertThat(fromJson.get("options").get(1).get("label").asString()).isEqualTo("Red");
    }

    @Test
    void putFormsAreDecodedToo() {
        Api api = as(newAccount("Put bodies"));
        JsonNode fromForm = api.form("PUT", PREFIX + "/test-echo", FIELDS).data();
        assertThat(fromForm.get("attributes").get("lastname").asString()).isEqualTo("Lovelace");
    }

    @Test
    void aRealEndpointGivesTheSameResultInAllThreeEncodings() {
        Api api = as(newAccount("Shops in three encodings"));
        JsonNode json = api.postJson(PREFIX + "/units", Map.of("name", "stamps_a", "label", "Stamps", "is_default", false)).data();
        JsonNode form = api.form("POST", PREFIX + "/units",
                List.of(field("name", "stamps_b"), field("label", "Stamps"), field("is_default", "0"))).data();
        JsonNode multipart = api.multipart("POST", PREFIX + "/units",
                List.of(field("name", "stamps_c"), field("label", "Stamps"), field("is_default", "false"))).data();
        for (JsonNode unit : List.of(json, form, multipart)) {
            assertThat(unit.get("label").asString()).isEqualTo("Stamps");
            assertThat(unit.get("prefix").asString()).isEqualTo("S");
            assertThat(unit.get("is_default").asBoolean()).isFalse();
        }
    }

    @Test
    void invalidFieldsAreReportedAlikeInEveryEncoding() {
        Api api = as(newAccount("Invalid bodies"));
        Api.Response json = api.postJson(PREFIX + "/shops", Map.of("name", "", "type", "moon"));
        Api.Response form = api.form("POST", PREFIX + "/shops", List.of(field("name", ""), field("type", "moon")));
        Api.Response multipart = api.multipart("POST", PREFIX + "/shops", List.of(field("name", ""), field("type", "moon")));
        for (Api.Response r : List.of(json, form, multipart)) {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.code()).isEqualTo(1003);
            assertThat(r.json().get("errors").propertyNames()).containsExactlyInAnyOrder("name", "type");
        }
    }
}
