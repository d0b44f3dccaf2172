package io.piggy.shared.api;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * Credits, counts, limits and page numbers are whole numbers, checked here for every feature.
 * They arrive as BigDecimal (or text) so that 1.5 is refused rather than silently cut to 1 (forms
 * send "1.5" as text, JSON as a number; both end up here); 12.00 is 12.
 */
public final class WholeNumbers {
    private WholeNumbers() {
    }

    public static Long of(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        try {
            return value.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw ApiException.invalidField(field, "The " + field + " must be a whole number.");
        }
    }

    public static Long atLeast(String field, BigDecimal value, long min) {
        return within(field, value, min, Long.MAX_VALUE);
    }

    public static Long within(String field, BigDecimal value, long min, long max) {
        Long n = of(field, value);
        if (n != null && (n < min || n > max)) {
            throw ApiException.invalidField(field, "The " + field + " must be "
                    + (max == Long.MAX_VALUE ? min + " or more." : "a whole number from " + min + " to " + max + "."));
        }
        return n;
    }

    /** A whole number sent as text (a query parameter); null when absent. */
    public static Long parse(String field, String text, long min, long max) {
        if (text == null) {
            return null;
        }
        try {
            return within(field, new BigDecimal(text.trim()), min, max);
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(field, "The " + field + " must be a whole number.");
        }
    }

    /** A setting that may be removed: null or an empty value (what a form sends) removes it. */
    public static Long removable(String field, JsonNode node, long min) {
        return removable(field, node, min, Long.MAX_VALUE);
    }

    public static Long removable(String field, JsonNode node, long min, long max) {
        if (node.isNull() || (node.isString() && node.asString().isBlank())) {
            return null;
        }
        if (!node.isNumber() && !node.isString()) { // an array, an object or a boolean
            throw notWhole(field);
        }
        try {
            return within(field, node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString().trim()), min, max);
        } catch (NumberFormatException e) {
            throw notWhole(field);
        }
    }

    private static ApiException notWhole(String field) {
        return ApiException.invalidField(field, "The " + field + " must be a whole number, or null to remove it.");
    }
}
