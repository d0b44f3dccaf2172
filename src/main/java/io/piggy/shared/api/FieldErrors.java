package io.piggy.shared.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects invalid-input messages per field, then fails once with all of them (1003). Batch
 * endpoints use it to report every bad item, keyed like Laravel does: {@code products.3.name}.
 */
public final class FieldErrors {
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public FieldErrors add(String field, String message) {
        errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
        return this;
    }

    /** Bean Validation of one item; each violation is keyed {@code prefix + its_field_path}. */
    public FieldErrors validate(Validator validator, Object bean, String prefix, Class<?>... groups) {
        for (ConstraintViolation<Object> v : validator.validate(bean, groups)) {
            add(prefix + jsonPath(v.getPropertyPath().toString()), v.getMessage());
        }
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws a 1003 carrying every collected message, its summary the first one; no-op when none. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_INPUT, errors.values().iterator().next().get(0), errors);
        }
    }

    /** {@code categories[0].externalIdentifier} → {@code categories.0.external_identifier}. */
    static String jsonPath(String propertyPath) {
        String dotted = INDEX.matcher(propertyPath).replaceAll(".$1");
        List<String> parts = new ArrayList<>();
        for (String part : dotted.split("\\.")) {
            parts.add(FieldNames.toJson(part));
        }
        return String.join(".", parts);
    }
}
