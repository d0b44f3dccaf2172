package io.piggy.shared.tool;

import java.util.UUID;
import java.util.function.Function;

/** Something an agent reads for context (a resource in MCP), per account; answered as JSON. */
public record ToolResource(String uri, String name, String description, Function<UUID, Object> read) {
}
