package io.piggy.contact;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A contact's subscription as Piggy answers it (§3.2). */
public record SubscriptionResponse(@JsonProperty("is_subscribed") boolean isSubscribed, String status,
                            @JsonProperty("subscription_type") SubscriptionTypeResponse subscriptionType) {

    static SubscriptionResponse of(SubscriptionTypes.SubscriptionType type, String status) {
        return new SubscriptionResponse(ContactSubscriptions.SUBSCRIBED.equals(status), status,
                SubscriptionTypeResponse.of(type));
    }
}
