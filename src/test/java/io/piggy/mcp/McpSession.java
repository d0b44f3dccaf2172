package io.piggy.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The official MCP Java SDK client on Piggy's /mcp with an account's token, for tests and the benchmark. */
public final class McpSession implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final McpSyncClient client;

    public McpSession(String base, String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base)
                .endpoint("/mcp")
                .httpRequestCustomizer((request, method, uri, body, context) -> {
                    if (token != null) {
                        request.header("Authorization", "Bearer " + token);
                    }
                })
                .build();
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
    }

    public McpSyncClient client() {
        return client;
    }

    public McpSchema.InitializeResult initialize() {
        return client.initialize();
    }

    public McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(McpSchema.CallToolRequest.builder().name(tool).arguments(arguments).build());
    }

    /** A call that must succeed: its structured output's data. */
    public JsonNode ok(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(tool, arguments);
        assertThat(result.isError()).as(tool + " " + arguments + " → " + result.content()).isFalse();
        return JSON.valueToTree(result.structuredContent()).get("data");
    }

    /** A call that must be refused as a tool error: Piggy's code from it. */
    public int refused(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(tool, arguments);
        assertThat(result.isError()).as(tool + " " + arguments + " → " + result.structuredContent()).isTrue();
        JsonNode error = JSON.valueToTree(result.structuredContent());
        String text = ((McpSchema.TextContent) result.content().get(0)).text();
        assertThat(text).as("the text names the code and a next step").startsWith(error.get("code").asInt() + ": ").contains(" — ");
        return error.get("code").asInt();
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
