package io.piggy.voucher;

import com.fasterxml.jackson.annotation.JsonProperty;

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
        @JsonProperty("expiration_date") Instant expirationDate,
        @JsonProperty("activation_date") Instant activationDate,
        @JsonProperty("redeemed_at") Instant redeemedAt,
        @JsonProperty("is_redeemed") boolean isRedeemed,
        @JsonProperty("redemptions_remaining") int redemptionsRemaining,
        @JsonProperty("times_redeemed") int timesRedeemed,
        @JsonProperty("total_redemptions_allowed") int totalRedemptionsAllowed,
        Map<String, Object> attributes,
        Contact contact,
        PromotionResponse promotion) {

    record Contact(UUID uuid, String email) {
    }
}
