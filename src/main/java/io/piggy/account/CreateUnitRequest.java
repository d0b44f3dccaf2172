package io.piggy.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record CreateUnitRequest(
        @NotBlank(message = "The name field is required.")
        @Pattern(regexp = "[a-z][a-z0-9_]{0,63}", message = "The name must be lower-case letters, digits and underscores, starting with a letter.")
        String name,
        @NotBlank(message = "The label field is required.") @Size(max = 255, message = "The label may have at most 255 characters.")
        String label,
        @JsonProperty("is_default") Boolean isDefault,
        @Size(max = 16, message = "The prefix may have at most 16 characters.")
        String prefix) {
}
