package io.piggy.contact;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record VerificationRequest(
        @NotBlank(message = "The email field is required.")
        @Size(max = 255, message = "The email may have at most 255 characters.")
        String email,
        @Size(max = 32, message = "The code may have at most 32 characters.")
        String code) {
}
