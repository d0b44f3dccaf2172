package io.piggy.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record ClaimContactRequest(
        @NotBlank(message = "The email field is required: the contact's real email.")
        @Email(regexp = ContactsController.EMAIL, message = "The email must be a valid email address.")
        @Size(max = 255, message = "The email may have at most 255 characters.")
        String email) {
}
