package io.piggy.voucher;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

record UpdateVoucherRequest(
        @NotNull(message = "The status field is required: ACTIVE or DEACTIVATED.")
        @Pattern(regexp = "ACTIVE|DEACTIVATED", message = "The status must be ACTIVE or DEACTIVATED.") String status,
        @JsonProperty("expiration_date") Object expirationDate,
        @JsonProperty("custom_attributes") Object customAttributes) {
}
