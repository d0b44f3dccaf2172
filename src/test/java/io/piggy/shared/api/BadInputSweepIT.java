package io.piggy.shared.api;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import io.piggy.support.RawHttp;
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
            Map.of("a", List.of()), "2026-02-30T25:61:00Z", Arrays.asList((Object) null), List.of(List.of()));
    private static final List<String> BROKEN_BODIES = List.of("{", "[]", "null", "\"text\"", "42");
    private static final List<String> BAD_PATH_VALUES = List.of("not-a-uuid", "%00", "x".repeat(300), "-1");
    private static final List<String> BAD_QUERY_VALUES = List.of("abc", "-1", "99999999999999999999999", "", "1.5",
            "\u0000", "[]");
    /** Query strings as typed by hand or by a careless client: sent raw, not encoded. */
    private static final List<String> MALFORMED_QUERIES = List.of("%", "%ZZ", "=", "=x", "&&&", "a[=1", "a]=1",
            "a" + "[b]".repeat(3000) + "=1", "x=" + "%".repeat(100), "%00=%00", "page[]=1&limit[a]=2");
    /** Appended raw to a parameter's name. */
    private static final List<String> MALFORMED_QUERY_VALUES = List.of("=%", "=%ZZ", "=50%off@example.com", "=%E2%82",
            "[]=1", "[a][b]=1", "=" + "x".repeat(5000));
    private static final List<String> BLANK_PATH_VALUES = List.of("%20", "%20%20", "%09", "+", "%0A");

    @Test
    void noOperationAnswersBadInputWith5xx() {
        JsonNode doc = anonymous().get("/v3/api-docs").json();
        JsonNode schemas = doc.get("components").get("schemas");
        List<String> problems = new ArrayList<>();
        int requests = 0;
        // -Dsweep.paths=<regex> sweeps only the matching paths: a quick rerun of one operation
        java.util.regex.Pattern only = java.util.regex.Pattern.compile(System.getProperty("sweep.paths", ".*"));
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            if (!only.matcher(path.getKey()).find()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                // an account of its own per operation keeps each under the rate limit, and the sweep's
                // writes (a shop named "x", say) out of every other operation's way
                Api api = path.getKey().startsWith("/api/admin") ? admin()
                        : path.getKey().startsWith("/oauth/") ? anonymous()
                        : path.getKey().startsWith("/api/v3/contact/") ? asContact(as(newAccount("Sweep")))
                        : as(newAccount("Sweep"));
                Sweep sweep = new Sweep(api, port, operation.getKey().toUpperCase(), path.getKey(), operation.getValue(),
                        schemas, problems);
                sweep.run();
                requests += sweep.requests;
            }
        }
        assertThat(requests).as("requests sent").isGreaterThan(System.getProperty("sweep.paths") == null ? 3000 : 0);
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
        final int port;
        final String method;
        final String template;
        final JsonNode operation;
        final JsonNode schemas;
        final List<String> problems;
        int requests;

        Sweep(Api api, int port, String method, String template, JsonNode operation, JsonNode schemas,
              List<String> problems) {
            this.api = api;
            this.port = port;
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
            for (String blank : template.contains("{") ? BLANK_PATH_VALUES : List.<String>of()) {
                String path = withPathValues(blank);
                check(raw(path, hasBody ? "{}" : null), path, null);
            }
            String path = withPathValues(UUID.randomUUID().toString());
            for (String query : MALFORMED_QUERIES) {
                check(raw(path + "?" + query, hasBody ? "{}" : null), path + "?" + cut(query), null);
            }
            for (JsonNode parameter : parameters("query")) {
                for (String bad : MALFORMED_QUERY_VALUES) {
                    String query = path + "?" + parameter.get("name").asString() + bad;
                    check(raw(query, hasBody ? "{}" : null), cut(query), null);
                }
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
            for (Map.Entry<String, byte[]> body : hugeBodies(properties.keySet()).entrySet()) {
                String type = body.getKey().substring(0, body.getKey().indexOf(' '));
                check(RawHttp.send(port, method, path, Map.of("Authorization", "Bearer " + api.token(),
                        "Content-Type", type), body.getValue()), path, body.getKey());
            }
            for (String field : properties.keySet()) {
                // a map or a list where the field's type wants something else, as a form sends it
                check(api.form(method, path, List.of(Api.field(field + "[a]", "x"), Api.field(field + "[]", "y"))),
                        path, "form " + field + "[a]");
                check(api.form(method, path, List.of(Api.field(field + "[][][]", ""))), path, "form " + field + "[][][]");
            }
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

        /** Sent as written: a malformed request target cannot be built as a URI. */
        private RawHttp.Response raw(String target, String jsonBody) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + api.token());
            if (jsonBody != null) {
                headers.put("Content-Type", "application/json");
            }
            return RawHttp.send(port, method, target, headers,
                    jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Bodies past the limits on shape and size, each keyed by its content type and a description:
         * form keys thousands deep, tens of thousands of fields, JSON thousands deep and wide, odd multipart.
         */
        private static Map<String, byte[]> hugeBodies(java.util.Set<String> fields) {
            String field = fields.isEmpty() ? "name" : fields.iterator().next();
            Map<String, byte[]> bodies = new LinkedHashMap<>();
            bodies.put("application/x-www-form-urlencoded deep-key", (field + "[a]".repeat(5000) + "=1").getBytes());
            bodies.put("application/x-www-form-urlencoded 40000-appends", (field + "[]=x&").repeat(40_000).getBytes());
            StringBuilder wide = new StringBuilder();
            for (int i = 0; i < 70_000; i++) {
                wide.append("attributes[a").append(i).append("]=x&");
            }
            bodies.put("application/x-www-form-urlencoded 70000-fields", wide.toString().getBytes());
            bodies.put("application/json deep-array", ("{\"" + field + "\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes());
            StringBuilder keys = new StringBuilder("{\"attributes\":{");
            for (int i = 0; i < 70_000; i++) {
                keys.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":1");
            }
            bodies.put("application/json 70000-keys", keys.append("}}").toString().getBytes());
            bodies.put("application/json 2MB-array", ("[" + "1,".repeat(1_000_000) + "1]").getBytes());
            bodies.put("application/json 1MB-string", ("{\"" + field + "\":\"" + "x".repeat(1_000_000) + "\"}").getBytes());
            String boundary = "sweep";
            bodies.put("multipart/form-data;boundary=" + boundary + " nul-in-names", ("--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"a\u0000b\"\r\n\r\nx\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000b.txt\"\r\n"
                    + "Content-Type: text/plain\r\n\r\nx\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data\r\n\r\nnameless\r\n--" + boundary + "--\r\n").getBytes());
            bodies.put("multipart/form-data;boundary=" + boundary + " unterminated", ("--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\nx").getBytes());
            bodies.put("multipart/form-data no-boundary", "--x\r\n\r\n".getBytes());
            return bodies;
        }

        private static String cut(String s) {
            return s.length() <= 60 ? s : s.substring(0, 60) + "…";
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
            check(r.status(), r.body(), path, input);
        }

        private void check(RawHttp.Response r, String path, String input) {
            check(r.status(), r.body(), path, input);
        }

        private void check(int status, String body, String path, String input) {
            requests++;
            String where = method + " " + cut(path) + (input == null ? "" : " with " + input) + ": " + status;
            if (status >= 500 || status == 429 || status < 100) {
                problems.add(where + " " + body.substring(0, Math.min(200, body.length())));
            } else if (status >= 400) {
                try {
                    JsonNode error = JSON.readTree(body);
                    if (!error.has("message") || !error.has("code") || !error.path("status_code").isNumber()
                            || error.get("status_code").asInt() != status) {
                        problems.add(where + " without Piggy's error shape: " + cut(body));
                    }
                } catch (RuntimeException notJson) {
                    problems.add(where + " not JSON: " + body.substring(0, Math.min(100, body.length())));
                }
            }
        }
    }
}
