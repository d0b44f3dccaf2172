package io.piggy.loyalty;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /loyalty-program}: Piggy's fields (with {@code max_amount}, the most credits one
 * reception may give, always an integer: 0 for no limit, since the PHP SDK casts it to int and
 * fails on null) and, as our extension, the earning rules.
 */
record LoyaltyProgramResponse(
        long id,
        String name,
        @JsonProperty("max_amount") long maxAmount,
        @JsonProperty("custom_credit_name") @Nullable String customCreditName,
        Unit unit,
        @JsonProperty("earning_rules") List<Rule> earningRules) {

    record Unit(String name, String label, String prefix) {
    }

    /** {@code credits} per {@code unit_value} of the unit; a rule with a shop overrides the unit's rule there. */
    @Schema(name = "EarningRuleResponse") // UpdateLoyaltyProgramRequest has a Rule too
    record Rule(@JsonProperty("unit_name") String unitName, @JsonProperty("shop_uuid") @Nullable UUID shopUuid,
                long credits, @JsonProperty("unit_value") BigDecimal unitValue, Rounding rounding) {
    }
}
