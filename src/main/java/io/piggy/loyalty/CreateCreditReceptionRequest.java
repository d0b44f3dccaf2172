package io.piggy.loyalty;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * §2.3. Either {@code credits} or {@code unit_value}; the PHP SDK sends the POS transaction as
 * {@code pos_transaction_id}, the docs as {@code pos_transaction_uuid}. Any other field is a
 * custom attribute of the reception.
 */
record CreateCreditReceptionRequest(
        @JsonProperty("shop_uuid") @NotNull(message = "The shop_uuid field is required.") UUID shopUuid,
        @JsonProperty("contact_uuid") @NotNull(message = "The contact_uuid field is required.") UUID contactUuid,
        @Schema(description = "Whole credits; overrides the earning rules. Negative for a partial refund.")
        BigDecimal credits,
        @JsonProperty("unit_value") @Schema(description = "E.g. the purchase amount; the earning rules turn it into credits.")
        BigDecimal unitValue,
        @JsonProperty("unit_name") @Size(max = 64, message = "The unit_name may have at most 64 characters.")
        String unitName,
        @JsonProperty("contact_identifier_value") @Size(max = 255, message = "The contact_identifier_value may have at most 255 characters.")
        String contactIdentifierValue,
        @JsonProperty("pos_transaction_uuid") @Size(max = 255, message = "The pos_transaction_uuid may have at most 255 characters.")
        String posTransactionUuid,
        @JsonProperty("pos_transaction_id") @Size(max = 255, message = "The pos_transaction_id may have at most 255 characters.")
        String posTransactionId,
        @JsonAnySetter @Schema(hidden = true) Map<String, Object> attributes) {

    String posTransaction() {
        String pos = posTransactionUuid != null && !posTransactionUuid.isBlank() ? posTransactionUuid : posTransactionId;
        return pos == null || pos.isBlank() ? null : pos.trim();
    }
}
