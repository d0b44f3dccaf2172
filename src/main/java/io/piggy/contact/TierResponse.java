package io.piggy.contact;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/** A tier as Piggy answers it (§3.3), with the threshold (credits received) as our extension. */
public record TierResponse(UUID uuid, long id, String name, @Nullable String description, int position, Object media,
                           long threshold) {

    static TierResponse of(Tier t) {
        return t == null ? null : new TierResponse(t.uuid(), t.displayId(), t.name(), t.description(), t.position(), null,
                t.threshold());
    }
}
