package io.piggy.contact;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The Contact object of Piggy's API (§3.1). */
public record ContactResponse(
        long id,
        UUID uuid,
        @Nullable String email,
        @Nullable TierResponse tier,
        List<SubscriptionResponse> subscriptions,
        @JsonProperty("credit_balance") CreditBalance creditBalance,
        @JsonProperty("prepaid_balance") PrepaidBalance prepaidBalance,
        @JsonProperty("current_values") Map<String, Object> currentValues,
        @JsonProperty("current_display_values") Map<String, @Nullable String> currentDisplayValues) {

    public record CreditBalance(long balance) {
    }

    public record PrepaidBalance(@JsonProperty("balance_in_cents") long balanceInCents) {
    }
}
