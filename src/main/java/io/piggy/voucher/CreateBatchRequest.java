package io.piggy.voucher;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** POST /vouchers/batch (§2.4); {@code code_options} and {@code total_redemptions_allowed} are extensions. */
record CreateBatchRequest(
        @JsonProperty("promotion_uuid") @NotNull(message = "The promotion_uuid field is required.") UUID promotionUuid,
        @NotNull(message = "The quantity field is required.") @Min(value = 1, message = "The quantity must be at least 1.")
        Long quantity,
        @JsonProperty("contact_uuid") UUID contactUuid,
        @JsonProperty("activation_date") Object activationDate,
        @JsonProperty("expiration_date") Object expirationDate,
        @JsonProperty("total_redemptions_allowed")
        @Min(value = 1, message = "The total redemptions allowed must be at least 1.")
        @Max(value = 1_000_000_000, message = "The total redemptions allowed may be at most 1000000000.")
        Integer totalRedemptionsAllowed,
        @JsonProperty("custom_attributes") Object customAttributes,
        @JsonProperty("code_options") CodeOptions codeOptions) {

    VoucherDraft.Fields fields() {
        return new VoucherDraft.Fields(promotionUuid, contactUuid, activationDate, expirationDate,
                totalRedemptionsAllowed, customAttributes);
    }
}
