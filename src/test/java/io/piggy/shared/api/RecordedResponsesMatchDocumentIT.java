package io.piggy.shared.api;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.piggy.support.ResponseRecorder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every response the integration suite received under the document's API roots is checked against
 * the OpenAPI document of the same build, with a JSON Schema validator (OpenAPI 3.1 dialect): its status
 * is one the operation lists, its content type the listed one, its body valid against the listed schema,
 * and a 405 names the allowed methods. A 2xx for a path or method the document does not have is an
 * unknown operation. Runs in a failsafe execution of its own after the suite, over the files
 * {@link ResponseRecorder} wrote (pom.xml says why).
 */
class RecordedResponsesMatchDocumentIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DOCUMENT_IRI = "https://piggy.invalid/api-docs.json";
    /** Controllers of the test classpath only (support/EchoController): not part of the product. */
    private static final Set<String> TEST_ONLY_PATHS = Set.of("/api/v3/oauth/clients/test-echo");

    @Test
    void everyRecordedResponseMatchesItsOperation() throws IOException {
        assumeTrue(Files.exists(ResponseRecorder.RESPONSES) && Files.exists(ResponseRecorder.DOCUMENT),
                "no recorded responses: the integration suite did not run in this build");
        ObjectNode doc = (ObjectNode) JSON.readTree(ResponseRecorder.DOCUMENT.toFile());
        Document document = new Document(doc);
        List<String> problems = new ArrayList<>();
        Map<String, Integer> checked = new TreeMap<>();
        int skipped = 0;
        for (String line : Files.readAllLines(ResponseRecorder.RESPONSES)) {
            JsonNode recorded = JSON.readTree(line);
            String path = recorded.get("path").asString();
            if (!document.inApi(path) || TEST_ONLY_PATHS.stream().anyMatch(path::startsWith)) {
                skipped++;
                continue;
            }
            String problem = document.check(recorded.get("method").asString(), path, recorded.get("status").asInt(),
                    recorded.path("content_type").asString(null), recorded.path("allow").asString(null),
                    recorded.path("body").asString(""), checked);
            if (problem != null) {
                problems.add(problem);
            }
        }
        int total = checked.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("OpenAPI check: %d responses validated over %d operation/status pairs, %d outside the API%n",
                total, checked.size(), skipped);
        Map<String, Long> grouped = problems.stream()
                .collect(Collectors.groupingBy(p -> p, LinkedHashMap::new, Collectors.counting()));
        assertThat(grouped.entrySet().stream().map(e -> e.getValue() + "× " + e.getKey()).toList())
                .as(problems.size() + " responses disagree with the document").isEmpty();
        // A focused run (-Dit.test=…) of tests that call no API route records nothing to check; the full
        // suite always does, so there an empty check means the recording broke.
        String focus = System.getProperty("piggy.it.test", "");
        assumeTrue(total > 0 || focus.isBlank() || focus.contains("${"), "the focused tests called no API route");
        assertThat(total).as("responses validated").isPositive();
    }

    /** The document, its path templates as patterns, and one compiled schema per response it declares. */
    private static final class Document {
        private final ObjectNode doc;
        private final ObjectNode schemas;
        private final Map<String, Pattern> templates = new LinkedHashMap<>();
        private final Set<String> roots = new TreeSet<>();
        private final Map<JsonNode, String> names = new HashMap<>();
        private final Map<String, Schema> compiled = new HashMap<>();
        private final SchemaRegistry registry;

        Document(ObjectNode doc) {
            this.doc = doc;
            this.schemas = (ObjectNode) doc.get("components").get("schemas");
            for (String template : doc.get("paths").propertyNames()) {
                roots.add(template.substring(0, template.indexOf('/', 1) < 0 ? template.length() : template.indexOf('/', 1)) + "/");
                templates.put(template, Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q")));
            }
            // each response schema becomes a component of its own, so a pointer without path characters reaches it
            doc.get("paths").forEach(item -> item.properties().forEach(operation -> operation.getValue()
                    .path("responses").forEach(response -> response.path("content").forEach(media -> {
                        names.computeIfAbsent(media, m -> {
                            String name = "Check" + names.size();
                            schemas.set(name, m.get("schema"));
                            return name;
                        });
                    }))));
            String text = JSON.writeValueAsString(doc);
            registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), b -> b.schemas(Map.of(DOCUMENT_IRI, text)));
        }

        boolean inApi(String path) {
            return roots.stream().anyMatch(path::startsWith);
        }

        /** @return what is wrong, or null */
        String check(String method, String path, int status, String contentType, String allow, String body,
                Map<String, Integer> checked) {
            String template = template(path);
            JsonNode operation = template == null ? null : doc.get("paths").get(template).get(method.toLowerCase());
            String what = method + " " + (template == null ? path : template) + " " + status;
            if (status == 405 && (allow == null || allow.isBlank())) {
                return what + ": a 405 without Allow";
            }
            // "no such route" (1404, e.g. from the management port) and 1405 come from the router, not an operation
            boolean routerAnswer = body.contains("\"code\":1404,") || body.contains("\"code\":1405,");
            if (operation == null || routerAnswer) {
                if (status < 400) {
                    return what + ": unknown operation (no such path and method in the document)";
                }
                return validate(what, "#/components/schemas/ApiError", contentType, body, checked);
            }
            JsonNode responses = operation.get("responses");
            JsonNode response = responses.get(String.valueOf(status));
            if (response == null && status >= 500) {
                response = responses.get("default");
            }
            if (response == null) {
                return what + ": status not listed (lists " + String.join(", ", responses.propertyNames()) + ")";
            }
            JsonNode content = response.get("content");
            if (content == null || content.isEmpty()) {
                return body.isEmpty() ? count(what, checked) : what + ": a body where the document lists none";
            }
            String mediaType = contentType == null ? null : contentType.split(";")[0].trim();
            JsonNode media = mediaType == null ? null : content.get(mediaType);
            if (media == null) {
                return what + ": content type " + contentType + " not listed (lists "
                        + String.join(", ", content.propertyNames()) + ")";
            }
            return validate(what, "#/components/schemas/" + names.get(media), contentType, body, checked);
        }

        private String validate(String what, String pointer, String contentType, String body, Map<String, Integer> checked) {
            if (contentType == null || !contentType.startsWith("application/json")) {
                return what + ": not JSON but " + contentType;
            }
            List<Error> errors = schema(pointer).validate(JSON.readTree(body));
            if (!errors.isEmpty()) {
                // where in the document, not where in the body: one line per wrong declaration, however many items
                return what + ": " + errors.stream()
                        .map(e -> e.getSchemaLocation().toString().replace(DOCUMENT_IRI + "#/components/schemas/", "")
                                + " " + e.getMessage().replaceFirst("^\\S+: ", ""))
                        .sorted().distinct().collect(Collectors.joining("; "));
            }
            return count(what, checked);
        }

        private String count(String what, Map<String, Integer> checked) {
            checked.merge(what, 1, Integer::sum);
            return null;
        }

        private Schema schema(String pointer) {
            return compiled.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + p)));
        }

        /** As Spring picks: the matching template with the most literal characters. */
        private String template(String path) {
            String best = null;
            for (Map.Entry<String, Pattern> t : templates.entrySet()) {
                if (t.getValue().matcher(path).matches()
                        && (best == null || literal(t.getKey()) > literal(best))) {
                    best = t.getKey();
                }
            }
            return best;
        }

        private static int literal(String template) {
            return template.replaceAll("\\{[^}]+}", "").length();
        }
    }
}
