package io.piggy.shared.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (rejected by the container, thrown in a filter) still
 * answer with a Piggy error body, and never with a stack trace.
 */
@Hidden
@RestController
public class ApiErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer i ? i : 500;
        ApiException e = switch (code) {
            case 400 -> new ApiException(ErrorCode.INVALID_INPUT, "The request could not be read.");
            case 401 -> new ApiException(ErrorCode.UNAUTHENTICATED);
            case 404 -> new ApiException(ErrorCode.ROUTE_NOT_FOUND);
            case 405 -> new ApiException(ErrorCode.METHOD_NOT_ALLOWED);
            case 413 -> new ApiException(ErrorCode.INVALID_INPUT, "The request body is too large.");
            default -> code < 500
                    ? new ApiException(ErrorCode.INVALID_INPUT, "The request could not be handled.")
                    : new ApiException(ErrorCode.INTERNAL_ERROR,
                    "Something went wrong on our side. Retry; if it persists, report the X-Request-Id.");
        };
        return ApiExceptionHandler.respond(e);
    }
}
