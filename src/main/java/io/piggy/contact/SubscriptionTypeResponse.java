package io.piggy.contact;

import java.util.UUID;

/** A subscription type as Piggy answers it (§3.2). */
public record SubscriptionTypeResponse(UUID uuid, long id, String name, String description, boolean active, String strategy) {

    static SubscriptionTypeResponse of(SubscriptionTypes.SubscriptionType t) {
        return new SubscriptionTypeResponse(t.id(), t.displayId(), t.name(), t.description(), t.active(), t.strategy().name());
    }
}
