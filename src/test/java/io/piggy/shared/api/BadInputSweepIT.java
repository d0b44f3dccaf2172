package io.piggy.shared.api;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed input to every operation the OpenAPI document lists: broken and non-object JSON, a wrong
 * value in each body field in turn, bad path and query values, odd form bodies. No answer may be a
 * 5xx, and every 4xx must have Piggy's error shape. Its first run, by hand, found four 500s (a
 * nameless form field, NUL characters, a list for max_amount) and Tomcat's HTML page for raw brackets.
 */
class BadInputSweepIT extends ApiIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Wrong in type, size or content for almost any field; null and "" probe the optional/required paths. */
    private static final List<Object> WRONG = Arrays.asList("x", "", " ", "\u0000", "x".repeat(3000), -1, 0, 1.5,
            new BigInteger("123456789012345678901234567890"), 1e300, true, null, List.of(), List.of(Map.of()),
            Map.of("a", List.of()), "2026-02-30T25:61:00Z");
    private static final List<String> BROKEN_BODIES = List.of("{", "[]", "null", "\"text\"", "42");
    private static final List<String> BAD_PATH_VALUES = List.of("not-a-uuid", "%00", "x".repeat(300), "-1");
    private static final List<String> BAD_QUERY_VALUES = List.of("abc", "-1", "99999999999999999999999", "", "1.5",
            "\u0000", "[]");

    @Test
    void noOperationAnswersBadInputWith5xx() {
        JsonNode doc = anonymous().get("/v3/api-docs").json();
        JsonNode schemas = doc.get("components").get("schemas");
        List<String> problems = new ArrayList<>();
        int requests = 0;
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                // an account of its own per operation keeps each under the rate limit, and the sweep's
                // writes (a shop named "x", say) out of every other operation's way
                Api api = path.getKey().startsWith("/api/admin") ? admin()
                        : path.getKey().startsWith("/oauth/") ? anonymous()
                        : path.getKey().startsWith("/api/v3/contact/") ? asContact(as(newAccount("Sweep")))
                        : as(newAccount("Sweep"));
                Sweep sweep = new Sweep(api, operation.getKey().toUpperCase(), path.getKey(), operation.getValue(),
                        schemas, problems);
                sweep.run();
                requests += sweep.requests;
            }
        }
        assertThat(requests).as("requests sent").isGreaterThan(3000);
        assertThat(problems).as(problems.size() + " of " + requests + " requests").isEmpty();
    }

    /** The contact-facing API answers a contact's own token. */
    private Api asContact(Api client) {
        String contact = client.postJson(PREFIX + "/contacts", Map.of("email", "sweep-" + UUID.randomUUID() + "@example.com"))
                .data().get("uuid").asString();
        return anonymous().as(client.get(PREFIX + "/contact-verification/auth-token/" + contact).data().asString());
    }

    private static final class Sweep {
        final Api api;
        final String method;
        final String template;
        final JsonNode operation;
        final JsonNode schemas;
        final List<String> problems;
        int requests;

        Sweep(Api api, String method, String template, JsonNode operation, JsonNode schemas, List<String> problems) {
            this.api = api;
            this.method = method;
            this.template = template;
            this.operation = operation;
            this.schemas = schemas;
            this.problems = problems;
        }

        void run() {
            boolean hasBody = !method.equals("GET") && !method.equals("DELETE");
            for (String bad : template.contains("{") ? BAD_PATH_VALUES : List.<String>of()) {
                String path = withPathValues(bad);
                check(hasBody ? api.json(method, path, "{}") : send(path), path, null);
            }
            String path = withPathValues(UUID.randomUUID().toString());
            for (JsonNode parameter : parameters("query")) {
                for (String bad : BAD_QUERY_VALUES) {
                    String query = path + "?" + parameter.get("name").asString() + "="
                            + URLEncoder.encode(bad, StandardCharsets.UTF_8);
                    check(hasBody ? api.json(method, query, "{}") : send(query), query, null);
                }
            }
            if (!hasBody) {
                return;
            }
            for (String broken : BROKEN_BODIES) {
                check(api.json(method, path, broken), path, broken);
            }
            check(api.form(method, path, List.of(Api.field("", "x"), Api.field("0", "y"), Api.field("a[", "\u0000"))),
                    path, "form");
            Map<String, JsonNode> properties = properties();
            for (String field : properties.keySet()) {
                for (Object wrong : WRONG) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    properties.keySet().forEach(name -> body.put(name, "x"));
                    body.put(field, wrong);
                    check(api.json(method, path, body), path, field + "=" + String.valueOf(wrong).substring(0,
                            Math.min(40, String.valueOf(wrong).length())));
                }
            }
        }

        private Api.Response send(String path) {
            return api.send(api.request(path).method(method, java.net.http.HttpRequest.BodyPublishers.noBody()));
        }

        private String withPathValues(String value) {
            String path = template;
            for (JsonNode parameter : parameters("path")) {
                path = path.replace("{" + parameter.get("name").asString() + "}", value);
            }
            return path;
        }

        private List<JsonNode> parameters(String in) {
            List<JsonNode> found = new ArrayList<>();
            JsonNode parameters = operation.get("parameters");
            if (parameters != null) {
                parameters.forEach(p -> {
                    if (in.equals(p.get("in").asString())) {
                        found.add(p);
                    }
                });
            }
            return found;
        }

        /** The JSON body's top-level properties, following $ref. */
        private Map<String, JsonNode> properties() {
            Map<String, JsonNode> found = new LinkedHashMap<>();
            JsonNode schema = OpenApiSchemas.resolve(schemas,
                    operation.path("requestBody").path("content").path("application/json").path("schema"));
            schema.path("properties").properties().forEach(e -> found.put(e.getKey(), e.getValue()));
            return found;
        }

        private void check(Api.Response r, String path, String input) {
            requests++;
            String where = method + " " + path + (input == null ? "" : " with " + input) + ": " + r.status();
            if (r.status() >= 500 || r.status() == 429) {
                problems.add(where + " " + r.body().substring(0, Math.min(200, r.body().length())));
            } else if (r.status() >= 400) {
                try {
                    JsonNode error = JSON.readTree(r.body());
                    if (!error.has("message") || !error.has("code") || !error.path("status_code").isNumber()
                            || error.get("status_code").asInt() != r.status()) {
                        problems.add(where + " without Piggy's error shape: " + r.body());
                    }
                } catch (RuntimeException notJson) {
                    problems.add(where + " not JSON: " + r.body().substring(0, Math.min(100, r.body().length())));
                }
            }
        }
    }
}
