package io.piggy.shared.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/** Piggy's error body: the PHP SDK needs all of message, code and status_code to recognise it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(
        @JsonInclude(JsonInclude.Include.ALWAYS) String message,
        @JsonInclude(JsonInclude.Include.ALWAYS) int code,
        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("status_code") int statusCode,
        Map<String, List<String>> errors) {

    public static ApiError of(ErrorCode code, String message, Map<String, List<String>> errors) {
        return new ApiError(message, code.code(), code.status().value(), errors);
    }
}
