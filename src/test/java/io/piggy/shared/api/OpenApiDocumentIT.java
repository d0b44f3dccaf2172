package io.piggy.shared.api;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules OpenApiConfiguration applies to every operation, checked over whatever operations there are. */
class OpenApiDocumentIT extends ApiIT {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private JsonNode doc() {
        return anonymous().get("/v3/api-docs").json();
    }

    @Test
    void everyOperationIdIsUniqueAndNamedByTheRule() {
        JsonNode paths = doc().get("paths");
        Map<String, String> expected = new HashMap<>();
        handlers.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> info.getPatternValues()
                .forEach(path -> info.getMethodsCondition().getMethods().forEach(method -> expected.put(
                        method.name().toLowerCase() + " " + path,
                        OpenApiConfiguration.operationId(handler.getBeanType().getSimpleName(), handler.getMethod().getName())
                                + (path.endsWith("/") ? "TrailingSlash" : "")))));
        List<String> ids = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String id = operation.getValue().path("operationId").asString("");
            ids.add(id);
            String key = operation.getKey() + " " + path.getKey();
            if (!id.matches("[a-z][A-Za-z0-9]*") || !id.equals(expected.get(key))) {
                wrong.add(key + ": " + id + " (rule: " + expected.get(key) + ")");
            }
        }));
        assertThat(ids).hasSizeGreaterThan(100).doesNotHaveDuplicates();
        assertThat(wrong).isEmpty();
        assertThat(paths.get(Api.PREFIX + "/shops").get("get").get("operationId").asString()).isEqualTo("shopsList");
        assertThat(paths.get(Api.PREFIX + "/contacts/find-or-create").get("get").get("operationId").asString())
                .isEqualTo("contactsFindOrCreate");
    }

    @Test
    void tagsComeInTheOrderAUserMeetsThem() {
        JsonNode doc = doc();
        List<String> tags = doc.get("tags").valueStream().map(t -> t.get("name").asString()).toList();
        TreeSet<String> used = new TreeSet<>();
        doc.get("paths").forEach(path -> path.forEach(operation -> operation.path("tags").forEach(t -> used.add(t.asString()))));
        List<String> order = new ArrayList<>(OpenApiConfiguration.TAG_ORDER.stream().filter(used::contains).toList());
        used.stream().filter(t -> !order.contains(t)).forEach(order::add);
        assertThat(tags).containsExactlyElementsOf(order);
        assertThat(tags.indexOf("Contacts")).isLessThan(tags.indexOf("Loyalty program"));
        assertThat(tags.indexOf("Loyalty program")).isLessThan(tags.indexOf("Vouchers"));
    }

    @Test
    void everyOperationListsItsErrorsAndAnswersJson() {
        List<String> wrong = new ArrayList<>();
        doc().get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode responses = operation.getValue().get("responses");
            for (String status : List.of("400", "401", "403", "429", "default")) {
                if (!responses.path(status).path("content").path("application/json").path("schema").path("$ref")
                        .asString("").equals("#/components/schemas/ApiError")) {
                    wrong.add(operation.getKey() + " " + path.getKey() + " " + status + " without the error schema");
                }
            }
            responses.properties().forEach(response -> response.getValue().path("content").propertyNames().forEach(type -> {
                if (!type.equals("application/json")) {
                    wrong.add(operation.getKey() + " " + path.getKey() + " " + response.getKey() + " answers " + type);
                }
            }));
        }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void aNullableFieldSaysSoAndAnAnswerRequiresWhatItAlwaysSends() {
        JsonNode schemas = doc().get("components").get("schemas");
        JsonNode shop = schemas.get("ShopResponse");
        assertThat(shop.get("properties").get("reference").get("type").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("string", "null");
        assertThat(shop.get("properties").get("uuid").get("type").asString()).isEqualTo("string");
        assertThat(shop.get("required").valueStream().map(JsonNode::asString))
                .contains("uuid", "name", "type", "reference");
        assertThat(schemas.get("ApiError").get("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("message", "code", "status_code");
        assertThat(schemas.get("CreateShopRequest").has("x-piggy-always-sent")).isFalse();
        JsonNode shopType = schemas.get("CreateShopRequest").get("properties").get("type");
        assertThat(shopType.get("pattern").asString()).isEqualTo("^(?:physical|web)$");
        assertThat(shopType.get("enum").valueStream().map(JsonNode::asString)).containsExactly("physical", "web");
    }

    @Test
    void aWrongMethodIsAnsweredWithAllow() {
        Api.Response wrong = as(newAccount("Allow")).delete(Api.PREFIX + "/shops");
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(wrong.header("Allow")).contains("GET").contains("POST");
    }
}
