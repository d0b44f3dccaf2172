package io.piggy.voucher;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

record CreatePromotionRequest(
        @NotBlank(message = "The name field is required.")
        @Size(max = 255, message = "The name may have at most 255 characters.") String name,
        @NotNull(message = "The description field is required.")
        @Size(max = 5000, message = "The description may have at most 5000 characters.") String description,
        @Pattern(regexp = "SINGLE_USE|MULTI_USE", message = "The type must be SINGLE_USE or MULTI_USE.") String type,
        @JsonProperty("redemptions_per_voucher")
        @Min(value = 1, message = "The redemptions per voucher must be at least 1.")
        @Max(value = 1_000_000_000, message = "The redemptions per voucher may be at most 1000000000.")
        Integer redemptionsPerVoucher,
        @JsonProperty("voucher_limit") @Min(value = 1, message = "The voucher limit must be at least 1.")
        Long voucherLimit,
        @JsonProperty("limit_per_contact") @Min(value = 1, message = "The limit per contact must be at least 1.")
        Integer limitPerContact,
        @JsonProperty("expiration_duration")
        @Min(value = 1, message = "The expiration duration must be at least 1 second.")
        Long expirationDuration,
        Map<String, Object> attributes) {
}
