package io.piggy.contact;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record CreateContactRequest(
        @NotBlank(message = "The email field is required.")
        @Email(regexp = ContactsController.EMAIL, message = "The email must be a valid email address.")
        @Size(max = 255, message = "The email may have at most 255 characters.")
        String email,
        @JsonProperty("referral_code") @Size(max = 255, message = "The referral code may have at most 255 characters.")
        String referralCode) {
}
