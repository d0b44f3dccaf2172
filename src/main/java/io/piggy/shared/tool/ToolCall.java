package io.piggy.shared.tool;

import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.api.FieldErrors;
import io.piggy.shared.api.FieldNames;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One call of a tool: the account it acts for (from the bearer token) and its arguments. The
 * arguments decode as a JSON body of the HTTP API would: {@link #body} with the API's JSON rules
 * and Bean Validation, the other readers with the API's messages, so a tool refuses bad input
 * with the same 1003 and per-field errors as the route it stands for.
 */
public final class ToolCall {
    public static final String IDEMPOTENCY_KEY = "idempotency_key";

    private final UUID account;
    private final Map<String, Object> arguments;
    private final JsonMapper json;
    private final Validator validator;

    public ToolCall(UUID account, Map<String, Object> arguments, JsonMapper json, Validator validator) {
        this.account = account;
        this.arguments = new LinkedHashMap<>(arguments == null ? Map.of() : arguments);
        this.arguments.remove(IDEMPOTENCY_KEY);
        this.json = json;
        this.validator = validator;
    }

    public UUID account() {
        return account;
    }

    /** The arguments without the idempotency key. */
    public Map<String, Object> arguments() {
        return Map.copyOf(arguments.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** The arguments as the request record the route's JSON body decodes to, checked as the route checks it. */
    public <T> T body(Class<T> type, Class<?>... groups) {
        T body;
        try {
            body = json.convertValue(arguments, type);
        } catch (DatabindException e) { // the route's answer to a JSON field of the wrong type
            String field = e.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()))
                    .collect(Collectors.joining("."));
            throw field.isEmpty() ? new ApiException(ErrorCode.INVALID_INPUT, "The arguments do not fit this tool.")
                    : ApiException.invalidField(field, "The field " + field + " has the wrong type.");
        } catch (JacksonException | IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_INPUT, "The arguments do not fit this tool.");
        }
        new FieldErrors().validate(validator, body, "", groups).throwIfAny();
        return body;
    }

    /** A required UUID, as a path variable of the route. */
    public UUID uuid(String name) {
        Object value = arguments.get(name);
        if (value == null || value.toString().isBlank()) {
            throw ApiException.invalidField(name, "The " + name + " field is required.");
        }
        return parseUuid(name, value);
    }

    /** An optional UUID, as a query parameter of the route. */
    public UUID optionalUuid(String name) {
        Object value = arguments.get(name);
        return value == null || value.toString().isBlank() ? null : parseUuid(name, value);
    }

    /** A required string, as a required query parameter of the route. */
    public String string(String name) {
        Object value = arguments.get(name);
        if (value == null) {
            throw ApiException.invalidField(name, "The " + name + " field is required.");
        }
        return text(name, value);
    }

    public String optionalString(String name) {
        Object value = arguments.get(name);
        return value == null ? null : text(name, value);
    }

    public Integer optionalInteger(String name) {
        Object value = arguments.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw ApiException.invalidField(name, "The " + name + " must be a whole number.");
    }

    /** The arguments as the query string of a list route takes them (names, strings). */
    public Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        arguments.forEach((k, v) -> {
            if (v != null) {
                query.put(k, v instanceof String s ? s : json.writeValueAsString(v).replaceAll("^\"|\"$", ""));
            }
        });
        return query;
    }

    private static String text(String name, Object value) {
        if (!(value instanceof String s)) {
            throw ApiException.invalidField(name, "The " + name + " must be a string.");
        }
        return s;
    }

    private static UUID parseUuid(String name, Object value) {
        try {
            return UUID.fromString(value.toString().trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(FieldNames.toJson(name), "The " + name + " must be a valid UUID.");
        }
    }
}
