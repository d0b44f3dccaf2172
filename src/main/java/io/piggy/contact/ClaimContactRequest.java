package io.piggy.contact;

import io.piggy.shared.attribute.EmailAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record ClaimContactRequest(
        @NotBlank(message = "The email field is required: the contact's real email.")
        @EmailAddress
        @Size(max = 255, message = "The email may have at most 255 characters.")
        String email) {
}
