package io.piggy.contact;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/** A subscription type as Piggy answers it (§3.2). */
public record SubscriptionTypeResponse(UUID uuid, long id, String name, @Nullable String description, boolean active, String strategy) {

    static SubscriptionTypeResponse of(SubscriptionTypes.SubscriptionType t) {
        return new SubscriptionTypeResponse(t.id(), t.displayId(), t.name(), t.description(), t.active(), t.strategy().name());
    }
}
