package io.piggy.contact;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record SubscriptionTypeRequest(
        @NotBlank(message = "The name field is required.")
        @Size(max = 255, message = "The name may have at most 255 characters.")
        String name,
        @Size(max = 1000, message = "The description may have at most 1000 characters.")
        String description,
        @NotNull(message = "The strategy field is required: OPT_IN, OPT_OUT or DOUBLE_OPT_IN.")
        String strategy,
        Boolean active) {
}
