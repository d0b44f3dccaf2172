package io.piggy.loyalty;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Extension: set the maximum per reception and the earning rules. Fields left out stay as they are. */
record UpdateLoyaltyProgramRequest(
        @JsonProperty("max_amount")
        @Schema(type = "integer", nullable = true,
                description = "The most credits one reception may give; null, empty or 0 removes the maximum.")
        JsonNode maxAmount,
        @JsonProperty("earning_rules") @Valid @Size(max = 500, message = "Send at most 500 earning rules.")
        @Schema(description = "Replaces all earning rules; units left out earn the default, 1 credit per 1.00 rounded down.")
        List<Rule> earningRules) {

    record Rule(
            @JsonProperty("unit_name") @NotBlank(message = "The unit_name of each rule is required.") String unitName,
            @JsonProperty("shop_uuid") @Schema(description = "Only for this shop; leave out for every shop.") UUID shopUuid,
            @NotNull(message = "The credits of each rule are required.") BigDecimal credits,
            @JsonProperty("unit_value") @Schema(description = "Per how much of the unit; default 1.00.") BigDecimal unitValue,
            @Schema(description = "DOWN (default), UP or HALF_UP.") String rounding) {
    }
}
