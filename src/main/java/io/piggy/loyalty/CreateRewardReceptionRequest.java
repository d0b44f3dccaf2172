package io.piggy.loyalty;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

record CreateRewardReceptionRequest(
        @JsonProperty("contact_uuid") @NotNull(message = "The contact_uuid field is required.") UUID contactUuid,
        @JsonProperty("reward_uuid") @NotNull(message = "The reward_uuid field is required.") UUID rewardUuid,
        @JsonProperty("shop_uuid") @NotNull(message = "The shop_uuid field is required.") UUID shopUuid,
        @JsonProperty("contact_identifier_value") @Size(max = 255, message = "The contact_identifier_value may have at most 255 characters.")
        String contactIdentifierValue) {
}
