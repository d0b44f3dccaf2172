package io.piggy.shared.api;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant isolation across the whole API. Account A gets one resource of each kind; then, for every
 * operation in /v3/api-docs that names one of them (in the path, a query filter or a body field),
 * account B makes the call with A's uuids. B must never get a 2xx, and A's resources must read the
 * same afterwards. A then makes the very same calls: each one that succeeds for A proves that B's
 * refusal came from the tenant check and not from a bad body, and the test demands many of those.
 */
class TenantIsolationSweepIT extends ApiIT {
    /** What a parameter or field name refers to, by the first word it contains (order matters). */
    private static final List<Map.Entry<String, String>> REFERENCES = List.of(
            Map.entry("webhooksubscription", "webhook_subscription"), Map.entry("creditreception", "credit_reception"), Map.entry("rewardreception", "reward_reception"),
            Map.entry("loyaltytransaction", "reward_reception"), Map.entry("subscriptiontype", "subscription_type"),
            Map.entry("category", "category"), Map.entry("sourcecontact", "anonymous"),
            Map.entry("contact", "contact"), Map.entry("shop", "shop"), Map.entry("reward", "reward"),
            Map.entry("promotion", "promotion"), Map.entry("voucher", "voucher"), Map.entry("tier", "tier"),
            Map.entry("perk", "perk"), Map.entry("form", "form"), Map.entry("product", "product"));

    record Call(String method, String path, Map<String, Object> body) {
        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " " + body);
        }
    }

    @Test
    void noAccountReachesAnotherAccountsResources() {
        Api a = as(newAccount("Isolation A"));
        Api b = as(newAccount("Isolation B"));
        Map<String, String> owned = fixtures(a);
        JsonNode doc = anonymous().get("/v3/api-docs").json();
        List<Call> calls = calls(doc, owned);
        // deletions last, so that every other call still finds A's resources there
        calls.sort(Comparator.comparing(c -> c.method().equals("DELETE")));

        Map<String, String> before = reads(a, calls);
        before.keySet().retainAll(reads(a, calls).entrySet().stream() // a read that differs by itself (a fresh token) proves nothing
                .filter(e -> e.getValue().equals(before.get(e.getKey()))).map(Map.Entry::getKey).toList());
        List<String> leaks = new ArrayList<>();
        for (Call call : calls) {
            Api.Response r = send(b, call);
            if (r.status() < 300) {
                leaks.add(call + " -> " + r.status() + " " + r.body());
            }
        }
        Map<String, String> after = reads(a, calls);
        List<String> changed = before.keySet().stream().filter(path -> !before.get(path).equals(after.get(path))).toList();
        int proven = 0;
        for (Call call : calls) {
            proven += send(a, call).status() < 300 ? 1 : 0;
        }

        assertThat(leaks).as("B's calls with A's uuids that succeeded").isEmpty();
        assertThat(changed).as("A's resources that changed while B called").isEmpty();
        assertThat(before).as("A's resources read before and after").hasSizeGreaterThan(15);
        assertThat(proven).as("of " + calls.size() + " calls, the ones A itself could make").isGreaterThan(30);
    }

    /** One resource of each kind in the account; uuids by kind. */
    private static Map<String, String> fixtures(Api api) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("shop", api.get(PREFIX + "/shops").data().get(0).get("uuid").asString());
        f.put("contact", create(api, "/contacts", Map.of("email", "isolation-" + UUID.randomUUID() + "@example.com")));
        f.put("anonymous", create(api, "/contacts/anonymous", Map.of()));
        f.put("reward", create(api, "/rewards", Map.of("title", "R", "required_credits", 1, "stock", 5)));
        f.put("promotion", create(api, "/promotions", Map.of("name", "P", "description", "D")));
        f.put("credit_reception", create(api, "/credit-receptions",
                Map.of("shop_uuid", f.get("shop"), "contact_uuid", f.get("contact"), "credits", 100)));
        f.put("reward_reception", create(api, "/reward-receptions",
                Map.of("shop_uuid", f.get("shop"), "contact_uuid", f.get("contact"), "reward_uuid", f.get("reward"))));
        f.put("voucher", create(api, "/vouchers", Map.of("promotion_uuid", f.get("promotion"), "contact_uuid", f.get("contact"))));
        f.put("tier", create(api, "/tiers", Map.of("name", "Gold", "position", 1, "threshold", 10)));
        f.put("perk", create(api, "/perks", Map.of("label", "Perk", "name", "perk_x", "data_type", "boolean")));
        f.put("form", create(api, "/forms", Map.of("name", "F", "type", "PUBLIC")));
        f.put("product", create(api, "/products", Map.of("name", "Product", "external_identifier", "p1")));
        f.put("category", create(api, "/product-categories", Map.of("name", "Category", "external_identifier", "c1")));
        f.put("subscription_type", create(api, "/subscription-types", Map.of("name", "News", "strategy", "opt_in")));
        f.put("webhook_subscription", create(api, "/webhook-subscriptions", Map.of("name", "Hook",
                "event_type", "contact_created", "url", "https://hooks.example.com/isolation")));
        return f;
    }

    private static String create(Api api, String path, Map<String, Object> body) {
        Api.Response r = api.postJson(PREFIX + path, body);
        assertThat(r.status()).as(path + ": " + r).isEqualTo(200);
        return r.data().get("uuid").asString();
    }

    /** Every client-API operation that names one of the account's resources, filled in with their uuids. */
    private static List<Call> calls(JsonNode doc, Map<String, String> owned) {
        JsonNode schemas = doc.get("components").get("schemas");
        List<Call> calls = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            if (!path.getKey().startsWith(PREFIX)) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                String target = path.getKey();
                boolean names = false;
                Map<String, String> query = new LinkedHashMap<>();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    String name = parameter.get("name").asString();
                    String in = parameter.get("in").asString();
                    String reference = reference(owned, name);
                    if (in.equals("path")) {
                        target = target.replace("{" + name + "}", reference != null ? reference : UUID.randomUUID().toString());
                        names |= reference != null;
                    } else if (in.equals("query") && reference != null && name.contains("uuid")) {
                        query.put(name, reference);
                        names = true;
                    } else if (in.equals("query") && parameter.path("required").asBoolean(false)) {
                        JsonNode schema = OpenApiSchemas.resolve(schemas, parameter.path("schema"));
                        query.put(name, String.valueOf(value(owned, name, schema)));
                    }
                }
                Map<String, Object> body = null;
                JsonNode schema = OpenApiSchemas.resolve(schemas, operation.getValue().path("requestBody").path("content")
                        .path("application/json").path("schema"));
                if (!method.equals("GET") && !method.equals("DELETE")) {
                    body = new LinkedHashMap<>();
                    for (Map.Entry<String, JsonNode> field : schema.path("properties").properties()) {
                        Object value = value(owned, field.getKey(), OpenApiSchemas.resolve(schemas, field.getValue()));
                        names |= field.getKey().contains("uuid") && reference(owned, field.getKey()) != null;
                        if (value != null) {
                            body.put(field.getKey(), value);
                        }
                    }
                }
                if (names) {
                    String queryString = query.entrySet().stream()
                            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&"));
                    calls.add(new Call(method, queryString.isEmpty() ? target : target + "?" + queryString, body));
                }
            }
        }
        return calls;
    }

    private static String reference(Map<String, String> owned, String name) {
        String n = name.toLowerCase().replace("_", "");
        return REFERENCES.stream().filter(r -> n.contains(r.getKey())).findFirst().map(r -> owned.get(r.getValue())).orElse(null);
    }

    /** A plausible value for a field: the account's resource for a uuid, the first allowed value, or a simple one. */
    private static Object value(Map<String, String> owned, String name, JsonNode schema) {
        String n = name.toLowerCase();
        if (n.contains("uuid") || "uuid".equals(schema.path("format").asString(""))) {
            String reference = reference(owned, name);
            return reference != null ? reference : UUID.randomUUID().toString();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        if (n.contains("email")) {
            return "isolation-" + UUID.randomUUID() + "@example.com";
        }
        return switch (schema.path("type").asString("")) {
            case "integer", "number" -> 1;
            case "boolean" -> true;
            case "array" -> List.of();
            case "object" -> Map.of();
            default -> n.equals("code") ? null : "x";
        };
    }

    /** The account's own reads among the calls, by path: what B must not have changed. */
    private static Map<String, String> reads(Api api, List<Call> calls) {
        Map<String, String> reads = new LinkedHashMap<>();
        for (Call call : calls) {
            if (call.method().equals("GET")) {
                Api.Response r = api.get(call.path());
                if (r.status() == 200) {
                    reads.put(call.path(), r.body());
                }
            }
        }
        return reads;
    }

    private static Api.Response send(Api api, Call call) {
        return switch (call.method()) {
            case "GET" -> api.get(call.path());
            case "DELETE" -> api.delete(call.path());
            default -> api.json(call.method(), call.path(), call.body());
        };
    }
}
