package io.piggy.shared.api;

import tools.jackson.databind.JsonNode;

/** Test helper for the sweeps over /v3/api-docs: a schema with its {@code $ref}s followed. */
final class OpenApiSchemas {
    private OpenApiSchemas() {
    }

    /** {@code schemas} is the document's components.schemas; a missing schema stays missing. */
    static JsonNode resolve(JsonNode schemas, JsonNode schema) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            String ref = s.get("$ref").asString();
            s = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return s;
    }
}
