package io.piggy.shared.api;

import java.util.List;
import java.util.Map;

/** Thrown anywhere to answer with a Piggy error; {@link ApiExceptionHandler} renders it. */
public class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, List<String>> fieldErrors;

    public ApiException(ErrorCode code) {
        this(code, code.defaultMessage());
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public ApiException(ErrorCode code, String message, Map<String, List<String>> fieldErrors) {
        super(message, null, false, false);
        this.code = code;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** A 1003 about one field, with a message that says what to send instead. */
    public static ApiException invalidField(String field, String message) {
        return new ApiException(ErrorCode.INVALID_INPUT, message, Map.of(field, List.of(message)));
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }

    public ApiError toBody() {
        return ApiError.of(code, getMessage(), fieldErrors);
    }
}
