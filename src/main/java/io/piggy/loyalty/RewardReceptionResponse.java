package io.piggy.loyalty;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.piggy.account.ShopResponse;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A reward reception (§3.4): {@code reward_reception} with {@code reward} for a physical reward,
 * {@code digital_reward_reception} with {@code digital_reward} for a digital one, as the PHP SDK
 * maps them, with {@code digital_reward_code {code}} when the reward hands out codes.
 */
record RewardReceptionResponse(
        String type,
        UUID uuid,
        String title,
        long credits,
        LoyaltyContactResponse contact,
        ShopResponse shop,
        @JsonProperty("contact_identifier") Object contactIdentifier,
        String channel,
        @JsonProperty("created_at") Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) RewardResponse reward,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("digital_reward") RewardResponse digitalReward,
        @JsonProperty("digital_reward_code") @Nullable DigitalRewardCode digitalRewardCode,
        @JsonProperty("expires_at") @Nullable Instant expiresAt,
        @JsonProperty("has_been_collected") boolean hasBeenCollected) implements LoyaltyTransactionResponse {
    static final String PHYSICAL_TYPE = "reward_reception";
    static final String DIGITAL_TYPE = "digital_reward_reception";

    /** The code a digital reward reception handed out. */
    record DigitalRewardCode(String code) {
    }

    /**
     * {@code code}: the code handed out (a DIGITAL reward with a pool), else null. {@code state} says
     * whether the reward was digital when claimed, its expiry and whether it was collected.
     */
    static RewardReceptionResponse of(LedgerEntry e, Reward reward, LoyaltyContactResponse contact, ShopResponse shop,
                                      LoyaltyIdentifiers.View identifier, String code, RewardReceptionStates.State state) {
        RewardResponse view = RewardResponse.of(reward);
        boolean digital = state == null ? reward.digital() : !state.physical();
        return new RewardReceptionResponse(digital ? DIGITAL_TYPE : PHYSICAL_TYPE, e.id(), reward.title(), e.credits(),
                contact, shop, identifier, e.channel(), e.createdAt(), digital ? null : view, digital ? view : null,
                code == null ? null : new DigitalRewardCode(code), state == null ? null : state.expiresAt(),
                state != null && state.collected());
    }
}
