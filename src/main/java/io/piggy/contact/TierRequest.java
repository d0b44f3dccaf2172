package io.piggy.contact;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record TierRequest(
        @NotBlank(message = "The name field is required.")
        @Size(max = 255, message = "The name may have at most 255 characters.")
        String name,
        @Size(max = 1000, message = "The description may have at most 1000 characters.")
        String description,
        @NotNull(message = "The position field is required (1 is the lowest tier).")
        @Min(value = 1, message = "The position must be 1 or more.")
        @Max(value = 1000, message = "The position must be at most 1000.")
        Integer position,
        @NotNull(message = "The threshold field is required: the credits a contact must have received.")
        @Min(value = 0, message = "The threshold must be 0 or more.")
        Long threshold) {
}
