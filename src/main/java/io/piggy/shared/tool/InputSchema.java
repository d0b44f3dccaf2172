package io.piggy.shared.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JSON Schema of a tool's arguments: an object of named properties, some required. */
public final class InputSchema {
    private final Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    public static InputSchema object() {
        return new InputSchema();
    }

    public InputSchema copy() {
        InputSchema copy = new InputSchema();
        copy.properties.putAll(properties);
        copy.required.addAll(required);
        return copy;
    }

    public InputSchema string(String name, String description) {
        return property(name, description, Map.of("type", "string"));
    }

    public InputSchema uuid(String name, String description) {
        return property(name, description, Map.of("type", "string", "format", "uuid"));
    }

    public InputSchema email(String name, String description) {
        return property(name, description, Map.of("type", "string", "format", "email"));
    }

    public InputSchema dateTime(String name, String description) {
        return property(name, description, Map.of("type", "string", "format", "date-time"));
    }

    public InputSchema integer(String name, String description, long minimum, long maximum) {
        return property(name, description, Map.of("type", "integer", "minimum", minimum, "maximum", maximum));
    }

    public InputSchema number(String name, String description) {
        return property(name, description, Map.of("type", "number"));
    }

    public InputSchema bool(String name, String description) {
        return property(name, description, Map.of("type", "boolean"));
    }

    public InputSchema oneOf(String name, String description, List<String> values) {
        return property(name, description, Map.of("type", "string", "enum", values));
    }

    public InputSchema array(String name, String description, Map<String, Object> items) {
        return property(name, description, Map.of("type", "array", "items", items));
    }

    /** An object of free keys (custom attributes, attribute values). */
    public InputSchema map(String name, String description) {
        return property(name, description, Map.of("type", "object"));
    }

    /** The listed properties must be given. */
    public InputSchema required(String... names) {
        for (String name : names) {
            if (!properties.containsKey(name)) {
                throw new IllegalArgumentException("No property " + name);
            }
            required.add(name);
        }
        return this;
    }

    /** Page and limit as the list endpoints take them. */
    public InputSchema paged(int maxLimit) {
        return integer("page", "Page number, from 1 (default 1).", 1, Integer.MAX_VALUE)
                .integer("limit", "Items per page (at most " + maxLimit + ").", 1, maxLimit);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    private InputSchema property(String name, String description, Map<String, Object> type) {
        Map<String, Object> property = new LinkedHashMap<>(type);
        property.put("description", description);
        properties.put(name, property);
        return this;
    }
}
