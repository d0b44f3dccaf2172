package io.piggy.product;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * {@code PUT /products/{uuid}}: every field is optional and only given fields change. An empty
 * description clears it; a given categories list replaces the product's categories.
 */
record UpdateProductRequest(
        @JsonProperty("external_identifier")
        @Pattern(regexp = ProductService.NOT_BLANK, message = "The external_identifier may not be empty.")
        @Size(max = 255, message = "The external_identifier may have at most 255 characters.")
        String externalIdentifier,
        @Pattern(regexp = ProductService.NOT_BLANK, message = "The name may not be empty.")
        @Size(max = 255, message = "The name may have at most 255 characters.")
        String name,
        @Size(max = 65535, message = "The description may have at most 65535 characters.")
        String description,
        @Size(max = 100, message = "A product may have at most 100 categories.")
        List<CategoryRef> categories) {
}
