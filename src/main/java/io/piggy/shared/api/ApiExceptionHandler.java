package io.piggy.shared.api;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.piggy.shared.db.DatabaseFailures;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place that turns exceptions into Piggy error bodies. Bad input is always a 4xx with a
 * message that says what to send; anything unexpected is a 1000 without internals.
 */
@RestControllerAdvice
public class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");
    /** Seconds a client waits after a 503: about what the embedded server takes to restart after a crash. */
    static final String RETRY_AFTER_SECONDS = "2";

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return respond(e);
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ApiError> invalidBody(BindException e) {
        Map<String, List<String>> errors = e.getFieldErrors().stream().collect(Collectors.groupingBy(
                f -> FieldNames.toJson(f.getField()), LinkedHashMap::new,
                Collectors.mapping(FieldError::getDefaultMessage, Collectors.toList())));
        return respond(new ApiException(ErrorCode.INVALID_INPUT, summary(errors), errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiError> invalidParameters(HandlerMethodValidationException e) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(r -> errors.computeIfAbsent(
                        FieldNames.toJson(r.getMethodParameter().getParameterName()), k -> new java.util.ArrayList<>())
                .addAll(r.getResolvableErrors().stream().map(m -> m.getDefaultMessage()).toList()));
        return respond(new ApiException(ErrorCode.INVALID_INPUT, summary(errors), errors));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> constraint(ConstraintViolationException e) {
        Map<String, List<String>> errors = e.getConstraintViolations().stream().collect(Collectors.groupingBy(
                v -> FieldNames.toJson(lastNode(v.getPropertyPath().toString())), LinkedHashMap::new,
                Collectors.mapping(v -> v.getMessage(), Collectors.toList())));
        return respond(new ApiException(ErrorCode.INVALID_INPUT, summary(errors), errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof DatabindException de && !de.getPath().isEmpty()) {
            String field = de.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()))
                    .collect(Collectors.joining("."));
            return respond(ApiException.invalidField(field, "The field " + field + " has the wrong type."));
        }
        if (e.getCause() instanceof StreamConstraintsException limit) { // see JsonConfiguration: the request limits
            return respond(RequestLimits.exceeded(limit.getOriginalMessage().replaceAll(", from `[^`]*`", "")));
        }
        if (e.getCause() instanceof JacksonException) {
            return respond(new ApiException(ErrorCode.INVALID_INPUT,
                    "The request body is not valid JSON. Send JSON, a form or multipart."));
        }
        return respond(new ApiException(ErrorCode.INVALID_INPUT,
                "The request body is missing or unreadable. Send JSON, a form or multipart."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        String name = FieldNames.toJson(e.getName());
        String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        return respond(ApiException.invalidField(name, "The " + name + " must be a valid " + expected + "."));
    }

    /** A blank path value ({@code /contacts/%20}) converts to null, which Spring reports as a missing variable. */
    @ExceptionHandler(MissingPathVariableException.class)
    ResponseEntity<ApiError> blankPathValue(MissingPathVariableException e) {
        String name = FieldNames.toJson(e.getVariableName());
        return respond(ApiException.invalidField(name, "The " + name + " in the path must not be blank."));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        String name = FieldNames.toJson(e.getParameterName());
        return respond(ApiException.invalidField(name, "The " + name + " field is required."));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e) {
        return respond(ApiException.invalidField(e.getHeaderName(), "The " + e.getHeaderName() + " header is required."));
    }

    @ExceptionHandler({HttpMediaTypeNotSupportedException.class, MultipartException.class})
    ResponseEntity<ApiError> mediaType(Exception e) {
        return respond(new ApiException(ErrorCode.INVALID_INPUT,
                "Unsupported body. Send application/json, application/x-www-form-urlencoded or multipart/form-data."));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(new ApiException(ErrorCode.INVALID_INPUT, "This API answers in JSON: accept application/json."));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noRoute(NoResourceFoundException e) {
        return respond(new ApiException(ErrorCode.ROUTE_NOT_FOUND,
                "No route " + e.getHttpMethod() + " /" + e.getResourcePath() + ". See /swagger-ui for the routes."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        ApiException error = new ApiException(ErrorCode.METHOD_NOT_ALLOWED,
                "Method " + e.getMethod() + " is not allowed here; use " + e.getSupportedHttpMethods() + ".");
        HttpHeaders allow = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            allow.setAllow(e.getSupportedHttpMethods()); // RFC 9110: a 405 names what the resource does take
        }
        return respond(error, allow);
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ApiError> database(DataAccessException e) {
        return respond(translate(e));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        return respond(translate(e));
    }

    /**
     * The Piggy error for an exception outside the routes' bad-input cases: what a front end other
     * than the routes (the MCP tools) answers, so both answer alike. PostgreSQL cannot store the NUL
     * character (U+0000) in text or jsonb: 22021 and 22P05. That is bad input wherever it was sent
     * (a query parameter, a JSON string, a form field), and the database is the one place that sees
     * every such value; the statement failed, so nothing was written.
     */
    public static ApiException translate(Exception e) {
        if (e instanceof ApiException api) {
            return api;
        }
        if (e instanceof DataAccessException && ((DataAccessException) e).getMostSpecificCause() instanceof SQLException sql
                && UNSTORABLE_TEXT.contains(sql.getSQLState())) {
            return new ApiException(ErrorCode.INVALID_INPUT,
                    "Text cannot contain the NUL character (\\u0000 or %00). Remove it and send again.");
        }
        if (DatabaseFailures.isUnavailable(e)) {
            log.warn("Database unavailable: {}", e.getMessage());
            return databaseUnavailable();
        }
        log.error("Unexpected error", e);
        return new ApiException(ErrorCode.INTERNAL_ERROR,
                "Something went wrong on our side. Retry; if it persists, report the X-Request-Id.");
    }

    /**
     * Always JSON: a preset Content-Type skips content negotiation, so even Accept: text/html gets the error.
     * A 503 says when to come back.
     */
    static ResponseEntity<ApiError> respond(ApiException e) {
        return respond(e, HttpHeaders.EMPTY);
    }

    private static ResponseEntity<ApiError> respond(ApiException e, HttpHeaders headers) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.code().status()).headers(headers);
        if (e.code() == ErrorCode.MAINTENANCE) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.contentType(MediaType.APPLICATION_JSON).body(e.toBody());
    }

    /** The database is down, restarting or full: nothing was done, the same request may be sent again. */
    static ApiException databaseUnavailable() {
        return new ApiException(ErrorCode.MAINTENANCE,
                "The database is unavailable for a moment; nothing was done. Retry after the Retry-After seconds.");
    }

    private static String summary(Map<String, List<String>> errors) {
        return errors.values().stream().flatMap(List::stream).findFirst().orElse("Invalid input.");
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
