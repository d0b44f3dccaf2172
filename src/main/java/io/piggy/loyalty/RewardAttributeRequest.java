package io.piggy.loyalty;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** Creating a reward attribute (§3.4); the type may also come as {@code data_type}, as for contact attributes. */
record RewardAttributeRequest(
        @Schema(description = "Lower-case a-z, 0-9 and _, e.g. allergens; the key of the values in a reward.")
        String name,
        @Size(max = 255, message = "The label may have at most 255 characters.") String label,
        @Size(max = 1000, message = "The description may have at most 1000 characters.") String description,
        @Schema(description = "One of the 21 attribute types, e.g. text, number, select.") String type,
        @JsonProperty("data_type") @Schema(hidden = true) String dataType,
        @Schema(description = "For select and multi_select: [{label, value}].") Object options,
        @Size(max = 255, message = "The placeholder may have at most 255 characters.") String placeholder) {

    String anyType() {
        return type != null ? type : dataType;
    }
}
