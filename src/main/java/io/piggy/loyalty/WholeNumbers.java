package io.piggy.loyalty;

import io.piggy.shared.api.ApiException;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * Credits and counts are whole numbers. They arrive as BigDecimal so that 1.5 is refused rather
 * than silently cut to 1 (forms send "1.5" as text, JSON as a number; both end up here).
 */
final class WholeNumbers {
    private WholeNumbers() {
    }

    static Long of(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        try {
            return value.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw ApiException.invalidField(field, "The " + field + " must be a whole number.");
        }
    }

    static Long atLeast(String field, BigDecimal value, long min) {
        Long n = of(field, value);
        if (n != null && n < min) {
            throw ApiException.invalidField(field, "The " + field + " must be " + min + " or more.");
        }
        return n;
    }

    /** A setting that may be removed: null or an empty value (what a form sends) removes it. */
    static Long removable(String field, JsonNode node, long min) {
        if (node.isNull() || (node.isString() && node.asString().isBlank())) {
            return null;
        }
        if (!node.isNumber() && !node.isString()) { // an array, an object or a boolean
            throw notWhole(field);
        }
        try {
            return atLeast(field, node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString().trim()), min);
        } catch (NumberFormatException e) {
            throw notWhole(field);
        }
    }

    private static ApiException notWhole(String field) {
        return ApiException.invalidField(field, "The " + field + " must be a whole number, or null to remove it.");
    }
}
