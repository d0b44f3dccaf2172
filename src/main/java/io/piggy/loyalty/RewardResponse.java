package io.piggy.loyalty;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A reward (§3.4), with its reward attribute values flattened in as top-level keys. */
record RewardResponse(
        long id,
        UUID uuid,
        String title,
        @Nullable String description,
        @JsonProperty("reward_type") String rewardType,
        String type,
        @JsonProperty("required_credits") long requiredCredits,
        Reward.@Nullable Media media,
        boolean active,
        @JsonProperty("is_active") boolean isActive,
        @Schema(description = "What is left to claim (null: unlimited); for a DIGITAL reward with codes, its free codes.")
        @Nullable Long stock,
        @JsonProperty("limit_per_contact") @Nullable Long limitPerContact,
        @JsonProperty("pre_redeemable") boolean preRedeemable,
        @JsonProperty("expiration_duration") @Nullable Long expirationDuration,
        @JsonProperty("cost_price") Object costPrice,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonAnyGetter Map<String, Object> attributes) {

    /** Keys of the reward itself: never reward attribute names (clients send them back on update). */
    static final Set<String> OWN_KEYS = Set.of("id", "uuid", "title", "description", "reward_type", "type",
            "required_credits", "media", "active", "is_active", "stock", "limit_per_contact", "pre_redeemable",
            "expiration_duration", "cost_price", "created_at", "updated_at");

    static RewardResponse of(Reward r) {
        return new RewardResponse(r.displayId(), r.id(), r.title(), r.description(), r.rewardType(), r.rewardType(),
                r.requiredCredits(), r.media(), r.active(), r.active(), r.available(), r.limitPerContact(), false,
                r.expirationDuration(), null, r.createdAt(), r.updatedAt(), r.attributes());
    }
}
