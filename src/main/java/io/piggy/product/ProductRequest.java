package io.piggy.product;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** One product to create or to find-or-create; the name is required only for creating (see {@link NameRequired}). */
record ProductRequest(
        @JsonProperty("external_identifier")
        @NotBlank(message = "The external_identifier field is required.")
        @Size(max = 255, message = "The external_identifier may have at most 255 characters.")
        String externalIdentifier,
        @NotBlank(groups = NameRequired.class, message = "The name field is required.")
        @Size(max = 255, message = "The name may have at most 255 characters.")
        String name,
        @Size(max = 65535, message = "The description may have at most 65535 characters.")
        String description,
        @Size(max = 100, message = "A product may have at most 100 categories.")
        List<CategoryRef> categories) {
}
