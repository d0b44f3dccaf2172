package io.piggy.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ApiExceptionHandler;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.IdempotencyKeys;
import io.piggy.shared.api.Paging;
import io.piggy.shared.tool.Tool;
import io.piggy.shared.tool.ToolCall;
import jakarta.validation.Validator;
import org.springframework.http.HttpEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Runs one tool call as the HTTP API runs a request: for the account of the bearer token, with
 * the route's own code, an idempotency key kept in the same store as the header's, and every
 * refusal turned into a tool error ({@code isError}) that carries Piggy's code, message and what
 * to do next; never a protocol error for a caller's mistake.
 */
@Component
class ToolRunner {
    static final String REPLAYED = "piggy/idempotent_replayed";

    private final JsonMapper json;
    private final Validator validator;
    private final IdempotencyKeys keys;

    ToolRunner(JsonMapper json, Validator validator, IdempotencyKeys keys) {
        this.json = json;
        this.validator = validator;
        this.keys = keys;
    }

    McpStatelessServerFeatures.SyncToolSpecification specification(Tool tool) {
        McpSchema.Tool described = McpSchema.Tool.builder()
                .name(tool.name()).title(tool.title()).description(tool.description())
                .inputSchema(tool.inputSchema())
                .outputSchema(outputSchema(tool.output()))
                .annotations(McpSchema.ToolAnnotations.builder().title(tool.title())
                        .readOnlyHint(!tool.writes()).destructiveHint(false).openWorldHint(false).build())
                .build();
        return McpStatelessServerFeatures.SyncToolSpecification.builder()
                .tool(described)
                .callHandler((context, request) -> call(tool, context, request.arguments()))
                .build();
    }

    McpSchema.CallToolResult call(Tool tool, McpTransportContext context, Map<String, Object> arguments) {
        UUID account = (UUID) context.get(McpConfiguration.ACCOUNT);
        try {
            Object key = arguments == null ? null : arguments.get(ToolCall.IDEMPOTENCY_KEY);
            ToolCall call = new ToolCall(account, arguments, json, validator);
            if (!tool.writes() || key == null) {
                return success(json.writeValueAsBytes(structured(tool.handler().call(call))), false);
            }
            return keyed(tool, account, key, call);
        } catch (Exception e) {
            return failure(ApiExceptionHandler.translate(e));
        }
    }

    private McpSchema.CallToolResult keyed(Tool tool, UUID account, Object key, ToolCall call) {
        if (!(key instanceof String given)) {
            throw ApiException.invalidField(ToolCall.IDEMPOTENCY_KEY, "The idempotency_key must be a string.");
        }
        ApiException badKey = IdempotencyKeys.checkKey(given.trim(), ToolCall.IDEMPOTENCY_KEY, ToolCall.IDEMPOTENCY_KEY);
        if (badKey != null) {
            throw badKey;
        }
        IdempotencyKeys.Outcome outcome = keys.<RuntimeException, RuntimeException>run(account, given.trim(),
                hash(tool, call), () -> new IdempotencyKeys.Answer(200, "application/json",
                        json.writeValueAsBytes(structured(tool.handler().call(call)))));
        if (outcome.reused()) {
            throw IdempotencyKeys.reused(ToolCall.IDEMPOTENCY_KEY);
        }
        return success(outcome.answer().body(), outcome.replayed());
    }

    /** The tool, and its arguments in a canonical order: a key names one tool call, not one route's body. */
    private byte[] hash(Tool tool, ToolCall call) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("tool " + tool.name() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(canonical(call.arguments())));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ToolRunner::canonical).toList();
        }
        return value;
    }

    /** {@code {"data": …}} as the route's envelope has it (with its meta when it pages), in the API's JSON. */
    private Map<String, Object> structured(Object answer) {
        Object body = answer instanceof HttpEntity<?> entity ? entity.getBody() : answer;
        Object data = body;
        Object meta = null;
        if (body instanceof Envelope<?> envelope) {
            data = envelope.data();
            meta = envelope.meta();
        } else if (body instanceof Paging.LaravelPage<?> page) {
            data = page.data();
            meta = page.meta();
        }
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("data", data);
        if (meta != null && !(meta instanceof Map<?, ?> m && m.isEmpty())) {
            structured.put("meta", meta);
        }
        return structured;
    }

    /** The structured answer as plain JSON values (what the SDK writes and validates), from one serialization. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> plain(byte[] json) {
        return this.json.readValue(json, Map.class);
    }

    private McpSchema.CallToolResult success(byte[] structured, boolean replayed) {
        McpSchema.CallToolResult.Builder result = McpSchema.CallToolResult.builder()
                .addTextContent(new String(structured, StandardCharsets.UTF_8))
                .structuredContent(plain(structured))
                .isError(false);
        if (replayed) {
            result.meta(Map.of(REPLAYED, true));
        }
        return result.build();
    }

    private McpSchema.CallToolResult failure(ApiException e) {
        String next = NextSteps.of(e.code());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code().code());
        error.put("message", e.getMessage());
        error.put("status_code", e.code().status().value());
        if (!e.fieldErrors().isEmpty()) {
            error.put("errors", e.fieldErrors());
        }
        error.put("next_step", next);
        String text = e.code().code() + ": " + e.getMessage() + " — " + next
                + (e.fieldErrors().isEmpty() ? "" : " " + json.writeValueAsString(e.fieldErrors()));
        return McpSchema.CallToolResult.builder().addTextContent(text).structuredContent(error).isError(true).build();
    }

    private static Map<String, Object> outputSchema(Tool.Output output) {
        Map<String, Object> data = switch (output) {
            case OBJECT -> Map.of("type", "object");
            case ARRAY -> Map.of("type", "array", "items", Map.of("type", "object"));
            case STRING -> Map.of("type", "string");
        };
        return Map.of("type", "object",
                "properties", Map.of("data", data, "meta", Map.of("type", "object",
                        "description", "Paging, on lists that page")),
                "required", List.of("data"));
    }
}
