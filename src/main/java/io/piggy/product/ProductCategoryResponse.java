package io.piggy.product;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.util.UUID;

/** A product category as Piggy's API shows it, alone and inside a product. */
record ProductCategoryResponse(UUID uuid, @JsonProperty("external_identifier") String externalIdentifier, @Nullable String name) {
}
