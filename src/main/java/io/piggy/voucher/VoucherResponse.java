package io.piggy.voucher;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The Voucher object of Piggy's API (§2.6), with its promotion embedded. */
record VoucherResponse(
        UUID uuid,
        String code,
        String status,
        String name,
        String description,
        @JsonProperty("expiration_date") @Nullable Instant expirationDate,
        @JsonProperty("activation_date") @Nullable Instant activationDate,
        @JsonProperty("redeemed_at") @Nullable Instant redeemedAt,
        @JsonProperty("is_redeemed") boolean isRedeemed,
        @JsonProperty("redemptions_remaining") int redemptionsRemaining,
        @JsonProperty("times_redeemed") int timesRedeemed,
        @JsonProperty("total_redemptions_allowed") int totalRedemptionsAllowed,
        Map<String, Object> attributes,
        @Nullable Contact contact,
        PromotionResponse promotion) {

    @Schema(name = "VoucherContact") // SubmissionResponse has a Contact too
    record Contact(UUID uuid, String email) {
    }
}
