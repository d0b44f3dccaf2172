package io.piggy.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record CreateShopRequest(
        @NotBlank(message = "The name field is required.") @Size(max = 255, message = "The name may have at most 255 characters.")
        String name,
        @NotBlank(message = "The type field is required: physical or web.")
        @Pattern(regexp = "physical|web", message = "The type must be physical or web.")
        String type,
        @Size(max = 255, message = "The reference may have at most 255 characters.")
        String reference) {
}
