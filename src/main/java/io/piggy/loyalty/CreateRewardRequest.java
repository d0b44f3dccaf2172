package io.piggy.loyalty;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Map;

/** Extension (Piggy creates rewards in its dashboard). Other fields are values of reward attributes. */
record CreateRewardRequest(
        @NotBlank(message = "The title field is required.") @Size(max = 255, message = "The title may have at most 255 characters.")
        String title,
        @Size(max = 10000, message = "The description may have at most 10000 characters.") String description,
        @JsonProperty("required_credits") @NotNull(message = "The required_credits field is required.")
        BigDecimal requiredCredits,
        @JsonAlias("reward_type") @Schema(description = "PHYSICAL (default) or DIGITAL.") String type,
        @Schema(description = "How many are left; leave out for unlimited.") BigDecimal stock,
        @Schema(description = "Default true.") Boolean active,
        @JsonProperty("limit_per_contact") @Schema(description = "How often one contact may claim it; leave out for no limit.")
        BigDecimal limitPerContact,
        @JsonProperty("expiration_duration")
        @Schema(description = "Seconds a reception of it can be collected (1 or more); leave out for no expiry.")
        BigDecimal expirationDuration,
        @Schema(description = "{type, value}, e.g. {\"type\":\"image\",\"value\":\"https://…\"}, or an image URL.")
        JsonNode media,
        @Schema(description = "Values of reward attributes by name; they may also be sent as fields of their own.")
        Map<String, Object> attributes,
        @JsonAnySetter @Schema(hidden = true) Map<String, Object> otherFields) {
}
