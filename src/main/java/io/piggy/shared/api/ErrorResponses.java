package io.piggy.shared.api;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/** Writes a Piggy error from a servlet filter, where the controller advice does not reach. */
public final class ErrorResponses {
    private ErrorResponses() {
    }

    public static void write(HttpServletResponse response, JsonMapper json, ApiException e) throws IOException {
        response.setStatus(e.code().status().value());
        if (e.code() == ErrorCode.MAINTENANCE) {
            response.setHeader("Retry-After", ApiExceptionHandler.RETRY_AFTER_SECONDS);
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), e.toBody());
    }
}
