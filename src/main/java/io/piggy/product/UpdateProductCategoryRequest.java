package io.piggy.product;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PUT /product-categories/{uuid}}: only given fields change. */
record UpdateProductCategoryRequest(
        @JsonProperty("external_identifier")
        @Pattern(regexp = ProductService.NOT_BLANK, message = "The external_identifier may not be empty.")
        @Size(max = 255, message = "The external_identifier may have at most 255 characters.")
        String externalIdentifier,
        @Pattern(regexp = ProductService.NOT_BLANK, message = "The name may not be empty.")
        @Size(max = 255, message = "The name may have at most 255 characters.")
        String name) {
}
