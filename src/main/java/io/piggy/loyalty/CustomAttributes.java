package io.piggy.loyalty;

import io.piggy.shared.api.ApiException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Extra request fields kept as custom attributes and echoed back as top-level keys. A name the
 * object itself uses cannot be an attribute (it would hide the real field when echoed back).
 */
final class CustomAttributes {
    static final int MAX_COUNT = 50;
    static final int MAX_NAME_LENGTH = 64;

    private CustomAttributes() {
    }

    static Map<String, Object> of(Map<String, Object> given, Set<String> reserved) {
        if (given == null || given.isEmpty()) {
            return Map.of();
        }
        if (given.size() > MAX_COUNT) {
            throw new ApiException(io.piggy.shared.api.ErrorCode.INVALID_INPUT,
                    "Send at most " + MAX_COUNT + " custom attributes.");
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            if (reserved.contains(name)) {
                throw ApiException.invalidField(name, "The field " + name + " cannot be set here.");
            }
            if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
                throw ApiException.invalidField(name,
                        "Custom attribute names have 1 to " + MAX_NAME_LENGTH + " characters.");
            }
            attributes.put(name, value);
        });
        return attributes;
    }
}
