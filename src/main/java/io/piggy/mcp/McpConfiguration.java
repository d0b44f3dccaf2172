package io.piggy.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.spec.McpSchema;
import io.piggy.account.AccountAuthentication;
import io.piggy.account.AccountId;
import io.piggy.shared.tool.ToolResource;
import io.piggy.shared.tool.ToolSet;
import org.springframework.ai.mcp.server.webmvc.transport.WebMvcStatelessServerTransport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The MCP server at /mcp: the official SDK's server on Spring AI's Streamable HTTP transport for
 * WebMVC, stateless (every POST stands alone, no session to keep: any instance answers any call,
 * as for the HTTP API). Its tools and resources come from the features' {@link ToolSet}s.
 */
@Configuration(proxyBeanMethods = false)
class McpConfiguration {
    static final String ENDPOINT = "/mcp";
    static final String ACCOUNT = "piggy.account";
    private static final String INSTRUCTIONS = """
            Piggy is a loyalty and cashback platform. Shops (list_shops) give contacts (customers, found by \
            email with find_or_create_contact) credits for purchases (create_credit_reception); contacts spend \
            credits on rewards (list_rewards, create_reward_reception); promotions hand out voucher codes \
            (create_promotion, create_vouchers_batch, find_voucher_by_code, redeem_voucher). Every tool acts for \
            the account of the access token. Writes take an optional idempotency_key: send one and a retry after \
            a timeout cannot act twice. A refused call answers with Piggy's error code, its message and the next \
            step. Read piggy://loyalty-program for the earning rules and piggy://contact-attributes for the \
            attributes contacts have.""";

    /**
     * A browser page of another origin is refused (403) even with a token: the DNS-rebinding guard
     * the MCP specification asks for. Agents send no Origin; Piggy's own pages have its public URL's.
     */
    @Bean
    WebMvcStatelessServerTransport mcpTransport(@Value("${piggy.public-url}") String publicUrl) {
        URI url = URI.create(publicUrl);
        String origin = url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
        return WebMvcStatelessServerTransport.builder()
                .securityValidator(DefaultServerTransportSecurityValidator.builder().allowedOrigin(origin).build())
                .jsonMapper(new JacksonMcpJsonMapper(JsonMapper.builder().build())) // the protocol's own JSON rules
                .messageEndpoint(ENDPOINT)
                .contextExtractor(request -> {
                    AccountId account = AccountAuthentication.of(request.servletRequest()); // McpAuthFilter found it
                    return account == null ? McpTransportContext.EMPTY
                            : McpTransportContext.create(Map.of(ACCOUNT, account.value()));
                })
                .build();
    }

    @Bean
    RouterFunction<ServerResponse> mcpRoutes(WebMvcStatelessServerTransport transport) {
        return transport.getRouterFunction();
    }

    @Bean(destroyMethod = "close")
    McpStatelessSyncServer mcpServer(WebMvcStatelessServerTransport transport, List<ToolSet> toolSets,
                                     ToolRunner runner, JsonMapper json) {
        List<McpStatelessServerFeatures.SyncToolSpecification> tools = toolSets.stream()
                .flatMap(set -> set.tools().stream()).map(runner::specification).toList();
        Set<String> names = new HashSet<>();
        tools.forEach(t -> {
            if (!names.add(t.tool().name())) {
                throw new IllegalStateException("Two tools are named " + t.tool().name());
            }
        });
        List<McpStatelessServerFeatures.SyncResourceSpecification> resources = toolSets.stream()
                .flatMap(set -> set.resources().stream()).map(r -> resource(r, json)).toList();
        return McpServer.sync(transport)
                .serverInfo("piggy", version())
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
                .tools(tools)
                .resources(resources)
                // the arguments are checked by the tools as the routes check a body (Piggy's 1003 and field errors)
                .validateToolInputs(false)
                // on the request's own thread: its work slot, its transaction, its request id in the log
                .immediateExecution(true)
                .build();
    }

    private static McpStatelessServerFeatures.SyncResourceSpecification resource(ToolResource resource, JsonMapper json) {
        McpSchema.Resource described = McpSchema.Resource.builder().uri(resource.uri()).name(resource.name())
                .description(resource.description()).mimeType("application/json").build();
        return new McpStatelessServerFeatures.SyncResourceSpecification(described, (context, request) -> {
            UUID account = (UUID) context.get(ACCOUNT);
            String text = json.writeValueAsString(resource.read().apply(account));
            return new McpSchema.ReadResourceResult(List.of(
                    new McpSchema.TextResourceContents(resource.uri(), "application/json", text, null)));
        });
    }

    private static String version() {
        String version = McpConfiguration.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
