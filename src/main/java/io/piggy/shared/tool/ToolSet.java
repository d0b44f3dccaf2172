package io.piggy.shared.tool;

import java.util.List;

/** A feature's tools and resources for agents; the MCP server collects every bean of this type. */
public interface ToolSet {
    List<Tool> tools();

    default List<ToolResource> resources() {
        return List.of();
    }
}
