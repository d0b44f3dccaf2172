package io.piggy.product;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/** A product as Piggy's API shows it (§2.5), with its categories in the order they were given. */
record ProductResponse(UUID uuid, @JsonProperty("external_identifier") String externalIdentifier, @Nullable String name,
                       @Nullable String description, List<ProductCategoryResponse> categories) {
}
