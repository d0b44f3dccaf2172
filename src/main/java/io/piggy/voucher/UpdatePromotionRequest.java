package io.piggy.voucher;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import java.util.Map;

/**
 * PUT /promotions/{uuid} (extension). Fields left out keep their value. voucher_limit,
 * limit_per_contact and expiration_duration are removed by sending null or an empty value.
 * status INACTIVE switches the promotion off, ACTIVE on again. type and redemptions_per_voucher
 * cannot change (its vouchers were made with them); they may be sent back unchanged. attributes
 * sets the values it names (null removes one) and keeps the others.
 */
record UpdatePromotionRequest(
        @Size(max = 255, message = "The name may have at most 255 characters.") String name,
        @Size(max = 5000, message = "The description may have at most 5000 characters.") String description,
        String type,
        @JsonProperty("redemptions_per_voucher") Integer redemptionsPerVoucher,
        @JsonProperty("voucher_limit") @Schema(type = "integer", nullable = true) JsonNode voucherLimit,
        @JsonProperty("limit_per_contact") @Schema(type = "integer", nullable = true) JsonNode limitPerContact,
        @JsonProperty("expiration_duration") @Schema(type = "integer", nullable = true, description = "seconds")
        JsonNode expirationDuration,
        @Schema(allowableValues = {"ACTIVE", "INACTIVE"})
        @Pattern(regexp = "ACTIVE|INACTIVE", message = "The status must be ACTIVE or INACTIVE.") String status,
        Map<String, Object> attributes) {
}
