package io.piggy.product;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One product category to create or to find-or-create; the name is required only for creating. */
record ProductCategoryRequest(
        @JsonProperty("external_identifier")
        @NotBlank(message = "The external_identifier field is required.")
        @Size(max = 255, message = "The external_identifier may have at most 255 characters.")
        String externalIdentifier,
        @NotBlank(groups = NameRequired.class, message = "The name field is required.")
        @Size(max = 255, message = "The name may have at most 255 characters.")
        String name) {
}
