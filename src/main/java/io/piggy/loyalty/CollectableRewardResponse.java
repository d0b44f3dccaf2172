package io.piggy.loyalty;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A collectable reward (§3.4): a reward reception of a PHYSICAL reward, as the PHP SDK maps it. */
record CollectableRewardResponse(
        UUID uuid,
        String title,
        LoyaltyContactResponse contact,
        RewardResponse reward,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("expires_at") @Nullable Instant expiresAt,
        @JsonProperty("has_been_collected") boolean hasBeenCollected) {

    static CollectableRewardResponse of(RewardReceptionResponse r) {
        return new CollectableRewardResponse(r.uuid(), r.title(), r.contact(), r.reward(), r.createdAt(), r.expiresAt(),
                r.hasBeenCollected());
    }
}
