package io.piggy.shared.tool;

import java.util.Map;

/**
 * One operation offered to agents (the MCP server at /mcp lists every {@link ToolSet}'s tools).
 * The handler answers what the HTTP API answers as {@code data} (or the whole envelope for
 * paged lists); it throws {@link io.piggy.shared.api.ApiException} for every refusal.
 *
 * @param writes whether it creates or moves something: then it takes an optional
 *               {@code idempotency_key} with the Idempotency-Key header's semantics
 */
public record Tool(String name, String title, String description, InputSchema input, Output output, boolean writes,
                   Handler handler) {

    /** The shape of the {@code data} a tool answers with. */
    public enum Output { OBJECT, ARRAY, STRING }

    @FunctionalInterface
    public interface Handler {
        Object call(ToolCall call);
    }

    public static Tool reading(String name, String title, String description, InputSchema input, Output output,
                               Handler handler) {
        return new Tool(name, title, description, input, output, false, handler);
    }

    public static Tool writing(String name, String title, String description, InputSchema input, Output output,
                               Handler handler) {
        return new Tool(name, title, description, input, output, true, handler);
    }

    /** The input's JSON Schema; writes get the optional idempotency_key. */
    public Map<String, Object> inputSchema() {
        return writes ? input.copy().string(ToolCall.IDEMPOTENCY_KEY, "Optional. The same key with the same "
                + "arguments answers the first call's result again without acting twice; the same key with other "
                + "arguments is refused (1409). Like the Idempotency-Key header of the HTTP API, and shared with it. "
                + "1 to 255 characters.").toMap() : input.toMap();
    }
}
