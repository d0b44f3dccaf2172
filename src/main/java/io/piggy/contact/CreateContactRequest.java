package io.piggy.contact;

import io.piggy.shared.attribute.EmailAddress;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record CreateContactRequest(
        @NotBlank(message = "The email field is required.")
        @EmailAddress
        @Size(max = 255, message = "The email may have at most 255 characters.")
        String email,
        @JsonProperty("referral_code") @Size(max = 255, message = "The referral code may have at most 255 characters.")
        String referralCode) {
}
