package io.piggy.voucher;

import io.piggy.shared.api.ApiException;
import io.piggy.shared.time.ApiTime;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Dates in voucher requests: an ISO-8601 string, or the object a PHP DateTime turns into when the
 * SDK posts it as a form ({@code date}, {@code timezone_type}, {@code timezone}).
 */
final class RequestDates {
    private static final DateTimeFormatter PHP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    private RequestDates() {
    }

    static Instant parse(Object value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof String s) {
            return ApiTime.parse(s).orElseThrow(() -> invalid(field));
        }
        if (value instanceof Map<?, ?> map && map.get("date") instanceof String date) {
            try {
                Object zone = map.get("timezone");
                ZoneId id = zone instanceof String z && !z.isBlank() ? ZoneId.of(z) : ZoneId.of("UTC");
                return LocalDateTime.parse(date, PHP).atZone(id).toInstant();
            } catch (java.time.DateTimeException e) {
                throw invalid(field);
            }
        }
        throw invalid(field);
    }

    private static ApiException invalid(String field) {
        return ApiException.invalidField(field,
                "The " + field + " must be an ISO-8601 date-time, e.g. 2026-01-31T12:00:00+00:00.");
    }
}
