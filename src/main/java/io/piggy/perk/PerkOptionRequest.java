package io.piggy.perk;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One option in a perk body: {@code {label, value, default}} (forms: {@code options[0][label]=…}). */
record PerkOptionRequest(
        @NotBlank(message = "Each option needs a label.")
        @Size(max = 255, message = "An option label may have at most 255 characters.")
        String label,
        @NotBlank(message = "Each option needs a value.")
        @Size(max = 255, message = "An option value may have at most 255 characters.")
        String value,
        @JsonProperty("default") Boolean isDefault) {
}
