package io.piggy.loyalty;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Map;

/**
 * §3.4: title, description, required_credits and reward attribute values by name; as our
 * extension also type, active, stock, limit_per_contact, expiration_duration and media. Fields left
 * out keep their value; stock, limit_per_contact, expiration_duration and media are removed by
 * sending null or an empty value.
 */
record UpdateRewardRequest(
        @Size(min = 1, max = 255, message = "The title must have 1 to 255 characters.") String title,
        @Size(max = 10000, message = "The description may have at most 10000 characters.") String description,
        @JsonProperty("required_credits") BigDecimal requiredCredits,
        @JsonAlias("reward_type") String type,
        Boolean active,
        @Schema(type = "integer", nullable = true) JsonNode stock,
        @JsonProperty("limit_per_contact") @Schema(type = "integer", nullable = true) JsonNode limitPerContact,
        @JsonProperty("expiration_duration") @Schema(type = "integer", nullable = true) JsonNode expirationDuration,
        @Schema(type = "object", nullable = true) JsonNode media,
        @Schema(description = "Values of reward attributes by name; they may also be sent as fields of their own.")
        Map<String, Object> attributes,
        @JsonAnySetter @Schema(hidden = true) Map<String, Object> otherFields) {
}
