package io.piggy.contact;

import jakarta.validation.constraints.NotNull;

import java.util.Map;

record UpdateContactRequest(
        @NotNull(message = "The attributes field is required: a map of attribute name to value.")
        Map<String, Object> attributes) {
}
