package io.piggy.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

class McpIT extends ApiIT {
    private Api api;
    private McpSession mcp;

    @BeforeEach
    void connect() {
        api = as(newAccount("MCP"));
        mcp = new McpSession(api.base(), api.token());
        mcp.initialize();
    }

    @AfterEach
    void disconnect() {
        mcp.close();
    }

    @Test
    void smoke() {
        McpSchema.ListToolsResult tools = mcp.client().listTools();
        assertThat(tools.tools()).hasSize(23);
        JsonNode shops = mcp.ok("list_shops", Map.of());
        String shop = shops.get(0).get("uuid").asString();
        JsonNode contact = mcp.ok("find_or_create_contact", Map.of("email", "a@example.com"));
        JsonNode reception = mcp.ok("create_credit_reception", Map.of("shop_uuid", shop,
                "contact_uuid", contact.get("uuid").asString(), "credits", 5));
        assertThat(api.get(PREFIX + "/contacts/" + contact.get("uuid").asString() + "/credit-balance").data()
                .get("balance").asLong()).isEqualTo(5);
        assertThat(mcp.refused("get_contact", Map.of("contact_uuid", "00000000-0000-0000-0000-000000000000"))).isEqualTo(55031);
    }
}
