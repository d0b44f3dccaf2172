package io.piggy.loyalty;

import io.piggy.shared.api.ApiException;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * {@code credits} per {@code unitValue} of a unit, rounded; a rule with a shop overrides the
 * unit's rule for that shop. Exact: BigDecimal all the way, one rounding at the end.
 */
record EarningRule(UUID unitId, UUID shopId, long credits, BigDecimal unitValue, Rounding rounding) {
    static final long DEFAULT_CREDITS = 1;
    static final BigDecimal DEFAULT_UNIT_VALUE = new BigDecimal("1.00");

    static EarningRule defaultFor(UUID unitId) {
        return new EarningRule(unitId, null, DEFAULT_CREDITS, DEFAULT_UNIT_VALUE, Rounding.DOWN);
    }

    /** Credits earned for a non-negative value of the unit. */
    long creditsFor(BigDecimal value) {
        BigDecimal exact = value.multiply(BigDecimal.valueOf(credits));
        try {
            return exact.divide(unitValue, 0, rounding.mode).longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw ApiException.invalidField("unit_value", "The unit_value is too large to be turned into credits.");
        }
    }
}
