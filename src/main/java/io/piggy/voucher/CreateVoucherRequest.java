package io.piggy.voucher;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/**
 * POST /vouchers, and POST /vouchers/batch (§2.4) with {@code quantity} and without {@code code}.
 * POST /vouchers with {@code quantity} and no {@code code} starts a batch too, as the PHP SDK's
 * {@code batch()} does. Dates are ISO-8601 strings (or the object a PHP DateTime becomes in a form).
 * {@code code_options} and, for batches, {@code total_redemptions_allowed} are extensions.
 */
record CreateVoucherRequest(
        @JsonProperty("promotion_uuid") @NotNull(message = "The promotion_uuid field is required.") UUID promotionUuid,
        String code,
        @JsonProperty("contact_uuid") UUID contactUuid,
        @JsonProperty("activation_date") Object activationDate,
        @JsonProperty("expiration_date") Object expirationDate,
        @JsonProperty("total_redemptions_allowed")
        @Min(value = 1, message = "The total redemptions allowed must be at least 1.")
        @Max(value = 1_000_000_000, message = "The total redemptions allowed may be at most 1000000000.")
        Integer totalRedemptionsAllowed,
        @JsonProperty("custom_attributes") Object customAttributes,
        @Min(value = 1, message = "The quantity must be at least 1.") Long quantity,
        @JsonProperty("code_options") CodeOptions codeOptions) {

    VoucherDraft.Fields fields() {
        return new VoucherDraft.Fields(promotionUuid, contactUuid, activationDate, expirationDate,
                totalRedemptionsAllowed, customAttributes);
    }
}
