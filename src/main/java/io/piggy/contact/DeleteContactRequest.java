package io.piggy.contact;

import jakarta.validation.constraints.NotBlank;

record DeleteContactRequest(@NotBlank(message = "The type field is required: DEFAULT or GDPR.") String type) {
}
