package io.piggy.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The MCP server over real HTTP with the official Java SDK client: every tool with good input (its
 * effect read back through the HTTP API) and with bad input (Piggy's code in the tool error),
 * authentication before any MCP handling, tenancy, and idempotency keys.
 */
class McpIT extends ApiIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NOBODY = "01a25394-0000-7000-8000-000000000000";
    private static final Set<String> TOOLS = Set.of(
            "claim_anonymous_contact", "create_contact_attribute", "create_credit_reception", "create_vouchers_batch",
            "find_or_create_products", "find_voucher_by_code", "get_contact_auth_token", "get_contact_credit_balance",
            "list_forms", "list_perks",
            "find_or_create_contact", "get_contact", "list_contacts", "list_shops", "list_rewards",
            "create_reward_reception", "reverse_credit_reception", "list_promotions", "create_promotion",
            "get_voucher_batch", "redeem_voucher", "lock_voucher", "list_loyalty_transactions");

    private Api api;
    private McpSession mcp;
    private String shop;

    @BeforeEach
    void connect() {
        api = as(newAccount("MCP"));
        mcp = new McpSession(api.base(), api.token());
        mcp.initialize();
        shop = api.get(PREFIX + "/shops").data().get(0).get("uuid").asString();
    }

    @AfterEach
    void disconnect() {
        mcp.close();
    }

    @Test
    void initializesOnTheCurrentRevisionAndListsEveryToolWithItsSchema() {
        McpSchema.InitializeResult init = new McpSession(api.base(), api.token()).initialize();
        assertThat(init.protocolVersion()).isEqualTo("2025-11-25");
        assertThat(init.serverInfo().name()).isEqualTo("piggy");
        assertThat(init.instructions()).contains("find_or_create_contact");
        assertThat(mcp.client().ping()).isNotNull();

        List<McpSchema.Tool> tools = mcp.client().listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrderElementsOf(TOOLS);
        for (McpSchema.Tool tool : tools) {
            assertThat(tool.name()).matches("[a-z]+(_[a-z]+)*");
            assertThat(tool.description()).as(tool.name()).startsWith("Use ").hasSizeGreaterThan(60);
            assertThat(tool.inputSchema()).as(tool.name()).containsEntry("type", "object").containsKey("properties");
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) tool.inputSchema().get("properties");
            @SuppressWarnings("unchecked")
            List<String> required = (List<String>) tool.inputSchema().getOrDefault("required", List.of());
            assertThat(properties.keySet()).as(tool.name()).containsAll(required);
            properties.forEach((name, schema) -> assertThat(((Map<?, ?>) schema).keySet().stream().map(String::valueOf).toList()).as(tool.name() + "." + name)
                    .contains("type", "description"));
            assertThat(tool.outputSchema()).as(tool.name()).containsEntry("required", List.of("data"));
            assertThat(properties.containsKey("idempotency_key")).as(tool.name())
                    .isEqualTo(!tool.annotations().readOnlyHint());
        }
        Map<String, McpSchema.Tool> byName = tools.stream().collect(Collectors.toMap(McpSchema.Tool::name, t -> t));
        assertThat(byName.get("create_credit_reception").inputSchema().get("required")).isEqualTo(List.of("shop_uuid", "contact_uuid"));
        assertThat(byName.get("create_contact_attribute").inputSchema().toString()).contains("license_plate");
    }

    @Test
    void contactToolsActAsTheRoutes() {
        JsonNode found = mcp.ok("find_or_create_contact", Map.of("email", "Ada@Example.com"));
        String contact = found.get("uuid").asString();
        assertThat(api.get(PREFIX + "/contacts/" + contact).data().get("email").asString()).isEqualToIgnoringCase("ada@example.com");
        assertThat(mcp.ok("find_or_create_contact", Map.of("email", "ada@example.com")).get("uuid").asString()).isEqualTo(contact);
        assertThat(mcp.ok("get_contact", Map.of("contact_uuid", contact))).isEqualTo(api.get(PREFIX + "/contacts/" + contact).data());

        assertThat(mcp.ok("list_contacts", Map.of("email", "ADA@example.com")).get(0).get("uuid").asString()).isEqualTo(contact);
        assertThat(mcp.ok("list_contacts", Map.of("email", "nobody@example.com"))).isEmpty();
        McpSchema.CallToolResult paged = mcp.call("list_contacts", Map.of("limit", 1, "sort", "-created_at"));
        assertThat(JSON.valueToTree(paged.structuredContent()).get("meta").get("total").asLong())
                .isEqualTo(api.get(PREFIX + "/contacts?limit=1").json().get("meta").get("total").asLong());

        String anonymous = api.postJson(PREFIX + "/contacts/anonymous", Map.of()).data().get("uuid").asString();
        JsonNode claimed = mcp.ok("claim_anonymous_contact", Map.of("anonymous_contact_uuid", anonymous, "email", "grace@example.com"));
        assertThat(claimed.get("uuid").asString()).isEqualTo(anonymous);
        assertThat(api.get(PREFIX + "/contacts/" + anonymous).data().get("email").asString()).isEqualTo("grace@example.com");

        mcp.ok("create_contact_attribute", Map.of("name", "favorite_color", "label", "Favorite color", "data_type", "select",
                "options", List.of(Map.of("label", "Blue", "value", "blue"))));
        assertThat(api.get(PREFIX + "/contact-attributes").data().findValuesAsString("name")).contains("favorite_color");

        String token = mcp.ok("get_contact_auth_token", Map.of("contact_uuid", contact)).asString();
        Api.Response me = anonymous().as(token).get("/api/v3/contact/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.data().get("uuid").asString()).isEqualTo(contact);
    }

    @Test
    void loyaltyToolsActAsTheRoutes() {
        String contact = contact("earn@example.com");
        JsonNode reception = mcp.ok("create_credit_reception", Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", 50));
        assertThat(balance(contact)).isEqualTo(50);
        assertThat(mcp.ok("get_contact_credit_balance", Map.of("contact_uuid", contact)).get("balance").asLong()).isEqualTo(50);

        String reward = api.postJson(PREFIX + "/rewards", Map.of("title", "Mug", "required_credits", 30)).data().get("uuid").asString();
        assertThat(mcp.ok("list_rewards", Map.of("contact_uuid", contact)).findValuesAsString("uuid")).contains(reward);
        mcp.ok("create_reward_reception", Map.of("contact_uuid", contact, "reward_uuid", reward, "shop_uuid", shop));
        assertThat(balance(contact)).isEqualTo(20);

        String refund = mcp.ok("create_credit_reception", Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", 15))
                .get("uuid").asString();
        assertThat(mcp.ok("list_loyalty_transactions", Map.of("contact_uuid", contact, "type", "credit_receptions"))
                .findValuesAsString("uuid")).contains(refund, reception.get("uuid").asString());
        mcp.ok("reverse_credit_reception", Map.of("credit_reception_uuid", refund));
        assertThat(balance(contact)).isEqualTo(20);
        JsonNode history = mcp.ok("list_loyalty_transactions", Map.of("contact_uuid", contact));
        assertThat(history.size()).isEqualTo(api.get(PREFIX + "/loyalty-transactions?contact_uuid=" + contact).data().size()).isEqualTo(4);
        assertThat(reception.get("uuid").asString()).isNotEqualTo(refund);
    }

    @Test
    void voucherToolsActAsTheRoutes() {
        String promotion = mcp.ok("create_promotion", Map.of("name", "Summer", "description", "10% off")).get("uuid").asString();
        assertThat(api.get(PREFIX + "/promotions/" + promotion).status()).isEqualTo(200);
        assertThat(mcp.ok("list_promotions", Map.of()).findValuesAsString("uuid")).contains(promotion);

        String batch = mcp.ok("create_vouchers_batch", Map.of("promotion_uuid", promotion, "quantity", 3)).get("uuid").asString();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                mcp.ok("get_voucher_batch", Map.of("batch_uuid", batch)).get("status").asString().equals("COMPLETED"));
        JsonNode listed = api.get(PREFIX + "/vouchers?promotion_uuid=" + promotion).data();
        assertThat(listed.size()).isEqualTo(3);

        String code = listed.get(0).get("code").asString();
        JsonNode found = mcp.ok("find_voucher_by_code", Map.of("code", code.toLowerCase()));
        assertThat(found.get("uuid").asString()).isEqualTo(listed.get(0).get("uuid").asString());

        String contact = contact("voucher@example.com");
        mcp.ok("redeem_voucher", Map.of("code", code, "contact_uuid", contact));
        assertThat(api.get(PREFIX + "/vouchers/find?code=" + code).data().get("status").asString()).isEqualTo("REDEEMED");

        String other = listed.get(1).get("uuid").asString();
        String releaseKey = mcp.ok("lock_voucher", Map.of("voucher_uuid", other)).get("lock").get("release_key").asString();
        assertThat(releaseKey).isNotBlank();
        assertThat(api.get(PREFIX + "/vouchers/" + other).data().get("status").asString()).isEqualTo("LOCKED");
    }

    @Test
    void catalogToolsActAsTheRoutes() {
        JsonNode product = mcp.ok("find_or_create_products", Map.of("external_identifier", "SKU-1", "name", "Kelp Shake"));
        assertThat(api.get(PREFIX + "/products/find?external_identifier=SKU-1").data().get("uuid").asString())
                .isEqualTo(product.get("uuid").asString());
        assertThat(mcp.ok("find_or_create_products", Map.of("external_identifier", "SKU-1")).get("uuid").asString())
                .isEqualTo(product.get("uuid").asString());

        api.postJson(PREFIX + "/forms", Map.of("name", "Join", "status", "PUBLISHED", "type", "PUBLIC"));
        api.postJson(PREFIX + "/forms", Map.of("name", "Draft", "type", "PRIVATE"));
        assertThat(mcp.ok("list_forms", Map.of("type", "PUBLIC")).findValuesAsString("name")).containsExactly("Join");
        assertThat(mcp.ok("list_forms", Map.of())).isEqualTo(api.get(PREFIX + "/forms").data());

        api.postJson(PREFIX + "/perks", Map.of("label", "Perk", "name", "perk_x", "data_type", "boolean"));
        assertThat(mcp.ok("list_perks", Map.of())).isEqualTo(api.get(PREFIX + "/perks").data()).hasSize(1);
        assertThat(mcp.ok("list_shops", Map.of())).isEqualTo(api.get(PREFIX + "/shops").data());
    }

    @Test
    void badInputIsAToolErrorWithPiggysCode() {
        String contact = contact("bad@example.com");
        String reward = api.postJson(PREFIX + "/rewards", Map.of("title", "Car", "required_credits", 1000)).data().get("uuid").asString();
        String promotion = api.postJson(PREFIX + "/promotions", Map.of("name", "P", "description", "d")).data().get("uuid").asString();
        String reception = api.postJson(PREFIX + "/credit-receptions", Map.of("shop_uuid", shop, "contact_uuid", contact,
                "credits", 5)).data().get("uuid").asString();
        api.postJson(PREFIX + "/credit-receptions/" + reception + "/reverse", Map.of());
        String code = voucher(promotion);
        api.postJson(PREFIX + "/vouchers/redeem", Map.of("code", code, "contact_uuid", contact));

        Map<String, Map.Entry<Map<String, Object>, Integer>> cases = new HashMap<>();
        cases.put("find_or_create_contact", Map.entry(Map.of("email", "not-an-email"), 1003));
        cases.put("get_contact", Map.entry(Map.of("contact_uuid", NOBODY), 55031));
        cases.put("list_contacts", Map.entry(Map.of("sort", "name"), 1003));
        cases.put("claim_anonymous_contact", Map.entry(Map.of("anonymous_contact_uuid", contact, "email", "x@example.com"), 60016));
        cases.put("create_contact_attribute", Map.entry(Map.of("name", "shoe", "label", "Shoe", "data_type", "shoe_size"), 1003));
        cases.put("get_contact_auth_token", Map.entry(Map.of("contact_uuid", NOBODY), 55031));
        cases.put("create_credit_reception", Map.entry(Map.of("shop_uuid", shop, "contact_uuid", NOBODY, "credits", 1), 55031));
        cases.put("get_contact_credit_balance", Map.entry(Map.of("contact_uuid", "not-a-uuid"), 1003));
        cases.put("list_rewards", Map.entry(Map.of("shop_uuid", NOBODY), 1008));
        cases.put("create_reward_reception", Map.entry(Map.of("contact_uuid", contact, "reward_uuid", reward, "shop_uuid", shop), 1017));
        cases.put("reverse_credit_reception", Map.entry(Map.of("credit_reception_uuid", reception), 1410));
        cases.put("list_loyalty_transactions", Map.entry(Map.of("type", "gifts"), 1003));
        cases.put("list_promotions", Map.entry(Map.of("limit", 1000), 1003));
        cases.put("create_promotion", Map.entry(Map.of("description", "no name"), 1003));
        cases.put("create_vouchers_batch", Map.entry(Map.of("promotion_uuid", NOBODY, "quantity", 1), 80002));
        cases.put("get_voucher_batch", Map.entry(Map.of("batch_uuid", NOBODY), 60013));
        cases.put("find_voucher_by_code", Map.entry(Map.of("code", "NO-SUCH-CODE"), 80004));
        cases.put("redeem_voucher", Map.entry(Map.of("code", code), 80005));
        cases.put("lock_voucher", Map.entry(Map.of("voucher_uuid", NOBODY), 80004));
        cases.put("find_or_create_products", Map.entry(Map.of("name", "no identifier"), 1003));
        cases.put("list_forms", Map.entry(Map.of("status", "LIVE"), 1003));
        // list_shops and list_perks take no arguments: nothing to get wrong
        assertThat(cases.keySet()).hasSize(TOOLS.size() - 2);
        Map<String, Integer> codes = new HashMap<>();
        cases.forEach((tool, c) -> codes.put(tool, mcp.refused(tool, c.getKey())));
        assertThat(codes).isEqualTo(cases.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getValue())));

        assertThat(mcp.refused("create_credit_reception", Map.of("contact_uuid", contact, "credits", 1))).isEqualTo(1003);
        McpSchema.CallToolResult typed = mcp.call("create_credit_reception", Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", "many"));
        assertThat(JSON.valueToTree(typed.structuredContent()).get("errors").has("credits")).isTrue();
        assertThat(JSON.valueToTree(mcp.call("get_contact", Map.of("contact_uuid", NOBODY)).structuredContent())
                .get("next_step").asString()).contains("find_or_create_contact");
        assertThat(balance(contact)).isZero();
    }

    /** As BadInputSweepIT for the routes: every argument of every tool, wrong in every way, is never a 5xx. */
    @Test
    void noBadArgumentOfAnyToolIsAnInternalError() {
        List<String> internal = new java.util.ArrayList<>();
        for (McpSchema.Tool tool : mcp.client().listTools().tools()) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) tool.inputSchema().get("properties");
            List<Map<String, Object>> inputs = new java.util.ArrayList<>();
            inputs.add(Map.of());
            properties.forEach((name, schema) -> {
                for (Object bad : List.of("x\u0000y", 12345, -1.5, true, List.of("a"), Map.of("a", 1), "9".repeat(40), "")) {
                    Map<String, Object> input = new HashMap<>();
                    properties.forEach((other, otherSchema) -> {
                        if ("uuid".equals(otherSchema.get("format"))) {
                            input.put(other, NOBODY);
                        }
                    });
                    input.put(name, bad);
                    inputs.add(input);
                }
            });
            for (Map<String, Object> input : inputs) {
                McpSchema.CallToolResult result = mcp.call(tool.name(), input);
                JsonNode body = JSON.valueToTree(result.structuredContent());
                if (Boolean.TRUE.equals(result.isError()) && body.get("status_code").asInt() >= 500) {
                    internal.add(tool.name() + " " + input + " → " + body);
                }
            }
        }
        assertThat(internal).isEmpty();
    }

    @Test
    void idempotencyKeysReplayTheFirstAnswerAndRefuseOtherArguments() {
        String contact = contact("keyed@example.com");
        Map<String, Object> once = Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", 7, "idempotency_key", "order-1");
        McpSchema.CallToolResult first = mcp.call("create_credit_reception", once);
        McpSchema.CallToolResult again = mcp.call("create_credit_reception", once);
        assertThat(first.isError()).isFalse();
        assertThat(again.structuredContent()).isEqualTo(first.structuredContent());
        assertThat(again.meta()).containsEntry(ToolRunner.REPLAYED, true);
        assertThat(first.meta()).isNull();
        assertThat(balance(contact)).isEqualTo(7);

        Map<String, Object> other = new HashMap<>(once);
        other.put("credits", 8);
        assertThat(mcp.refused("create_credit_reception", other)).isEqualTo(1409);
        // one store with the header's: the same key over HTTP is another request
        Api.Response http = api.send(api.request(PREFIX + "/credit-receptions").header("Content-Type", "application/json")
                .header("Idempotency-Key", "order-1").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"shop_uuid\":\"" + shop + "\",\"contact_uuid\":\"" + contact + "\",\"credits\":7}")));
        assertThat(http.code()).isEqualTo(1409);
        assertThat(mcp.refused("create_credit_reception", Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", 7,
                "idempotency_key", ""))).isEqualTo(1003);
        // a refused call keeps nothing: the key is free for the corrected call
        assertThat(mcp.refused("create_credit_reception", Map.of("shop_uuid", shop, "contact_uuid", NOBODY, "credits", 1,
                "idempotency_key", "order-2"))).isEqualTo(55031);
        mcp.ok("create_credit_reception", Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", 1, "idempotency_key", "order-2"));
        assertThat(balance(contact)).isEqualTo(8);
    }

    @Test
    void aTokenIsNeededBeforeAnyMcpHandling() throws Exception {
        String initialize = """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",
                "capabilities":{},"clientInfo":{"name":"curl","version":"1"}}}""";
        HttpResponse<String> none = post(initialize, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(none.body()).get("code").asInt()).isEqualTo(1401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(post(initialize, "piggy_wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> adminToken = post(initialize, ADMIN_TOKEN);
        assertThat(JSON.readTree(adminToken.body()).get("code").asInt()).isEqualTo(7011);
        String contact = contact("token@example.com");
        String contactToken = api.get(PREFIX + "/contact-verification/auth-token/" + contact).data().asString();
        assertThat(post(initialize, contactToken).statusCode()).as("contact tokens are not for /mcp").isEqualTo(401);

        HttpResponse<String> rebound = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + api.token()).header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(initialize)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rebound.statusCode()).as("a page of another origin").isEqualTo(403);

        HttpResponse<String> ok = post(initialize, api.token());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("X-RateLimit-Limit")).as("rate limited as the API").isPresent();
        assertThat(ok.headers().firstValue("X-Request-Id")).as("logged as the API").isPresent();

        assertThatThrownBy(() -> new McpSession(api.base(), "piggy_wrong").initialize()).isInstanceOf(RuntimeException.class);

        String huge = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"find_voucher_by_code\","
                + "\"arguments\":{\"code\":\"" + "A".repeat(2 * 1024 * 1024) + "\"}}}";
        HttpResponse<String> tooLarge = post(huge, api.token());
        assertThat(tooLarge.statusCode()).as("the request limits hold for /mcp").isEqualTo(413);
        assertThat(JSON.readTree(tooLarge.body()).get("code").asInt()).isEqualTo(1413);
    }

    @Test
    void anotherAccountsTokenReachesNothingOfThisAccount() {
        String contact = contact("owner@example.com");
        String reception = mcp.ok("create_credit_reception", Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", 40))
                .get("uuid").asString();
        String reward = api.postJson(PREFIX + "/rewards", Map.of("title", "Mug", "required_credits", 10)).data().get("uuid").asString();
        String promotion = api.postJson(PREFIX + "/promotions", Map.of("name", "P", "description", "d")).data().get("uuid").asString();
        String code = voucher(promotion);
        String voucher = api.get(PREFIX + "/vouchers/find?code=" + code).data().get("uuid").asString();
        String batch = api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", promotion, "quantity", 1)).data().get("uuid").asString();
        String anonymous = api.postJson(PREFIX + "/contacts/anonymous", Map.of()).data().get("uuid").asString();
        JsonNode before = api.get(PREFIX + "/contacts/" + contact).data();

        Api other = as(newAccount("MCP other"));
        try (McpSession b = new McpSession(other.base(), other.token())) {
            b.initialize();
            Map<String, Integer> codes = new HashMap<>();
            codes.put("get_contact", b.refused("get_contact", Map.of("contact_uuid", contact)));
            codes.put("get_contact_credit_balance", b.refused("get_contact_credit_balance", Map.of("contact_uuid", contact)));
            codes.put("get_contact_auth_token", b.refused("get_contact_auth_token", Map.of("contact_uuid", contact)));
            codes.put("claim_anonymous_contact", b.refused("claim_anonymous_contact",
                    Map.of("anonymous_contact_uuid", anonymous, "email", "thief@example.com")));
            codes.put("create_credit_reception", b.refused("create_credit_reception",
                    Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", 1)));
            codes.put("reverse_credit_reception", b.refused("reverse_credit_reception", Map.of("credit_reception_uuid", reception)));
            codes.put("create_reward_reception", b.refused("create_reward_reception",
                    Map.of("contact_uuid", contact, "reward_uuid", reward, "shop_uuid", shop)));
            codes.put("list_rewards", b.refused("list_rewards", Map.of("shop_uuid", shop)));
            codes.put("list_loyalty_transactions", b.refused("list_loyalty_transactions", Map.of("contact_uuid", contact)));
            codes.put("create_vouchers_batch", b.refused("create_vouchers_batch", Map.of("promotion_uuid", promotion, "quantity", 1)));
            codes.put("get_voucher_batch", b.refused("get_voucher_batch", Map.of("batch_uuid", batch)));
            codes.put("find_voucher_by_code", b.refused("find_voucher_by_code", Map.of("code", code)));
            codes.put("redeem_voucher", b.refused("redeem_voucher", Map.of("code", code)));
            codes.put("lock_voucher", b.refused("lock_voucher", Map.of("voucher_uuid", voucher)));
            assertThat(codes).containsAllEntriesOf(Map.of("get_contact", 55031, "get_contact_credit_balance", 55031,
                    "get_contact_auth_token", 55031, "claim_anonymous_contact", 55031, "reverse_credit_reception", 1028,
                    "create_vouchers_batch", 80002, "get_voucher_batch", 60013, "find_voucher_by_code", 80004,
                    "redeem_voucher", 80004, "lock_voucher", 80004));
            assertThat(codes.get("create_credit_reception")).isIn(1008, 55031);
            assertThat(codes.get("create_reward_reception")).isIn(1008, 6003, 55031);
            assertThat(codes.get("list_rewards")).isEqualTo(1008);
            assertThat(codes.get("list_loyalty_transactions")).isEqualTo(55031);

            assertThat(b.ok("list_contacts", Map.of("email", "owner@example.com"))).isEmpty();
            assertThat(b.ok("find_or_create_contact", Map.of("email", "owner@example.com")).get("uuid").asString()).isNotEqualTo(contact);
            Set<String> theirs = new HashSet<>(b.ok("list_promotions", Map.of()).findValuesAsString("uuid"));
            assertThat(theirs).doesNotContain(promotion);
        }
        assertThat(api.get(PREFIX + "/contacts/" + contact).data()).isEqualTo(before);
        assertThat(balance(contact)).isEqualTo(40);
        assertThat(api.get(PREFIX + "/vouchers/" + voucher).data().get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void resourcesGiveTheProgramRulesAndTheContactAttributes() {
        List<McpSchema.Resource> resources = mcp.client().listResources().resources();
        assertThat(resources).extracting(McpSchema.Resource::uri)
                .containsExactlyInAnyOrder("piggy://loyalty-program", "piggy://contact-attributes");
        JsonNode attributes = read("piggy://contact-attributes");
        assertThat(attributes).isEqualTo(api.get(PREFIX + "/contact-attributes").data());
        assertThat(attributes.findValuesAsString("name")).contains("email");
        assertThat(read("piggy://loyalty-program")).isEqualTo(api.get(PREFIX + "/loyalty-program").data());
    }

    private JsonNode read(String uri) {
        McpSchema.ReadResourceResult result = mcp.client().readResource(new McpSchema.ReadResourceRequest(uri));
        return JSON.readTree(((McpSchema.TextResourceContents) result.contents().get(0)).text());
    }

    private String contact(String email) {
        return api.get(PREFIX + "/contacts/find-or-create?email=" + email).data().get("uuid").asString();
    }

    private long balance(String contact) {
        return api.get(PREFIX + "/contacts/" + contact + "/credit-balance").data().get("balance").asLong();
    }

    /** One voucher of the promotion, made over HTTP; its code. */
    private String voucher(String promotion) {
        Api.Response created = api.postJson(PREFIX + "/vouchers", Map.of("promotion_uuid", promotion, "code", "C-" + UUID.randomUUID()));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.data().get("code").asString();
    }

    private HttpResponse<String> post(String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
