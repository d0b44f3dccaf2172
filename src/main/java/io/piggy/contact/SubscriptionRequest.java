package io.piggy.contact;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

record SubscriptionRequest(
        @JsonProperty("subscription_type_uuid")
        @NotNull(message = "The subscription_type_uuid field is required.")
        UUID subscriptionTypeUuid) {
}
