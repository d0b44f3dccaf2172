package io.piggy.product;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/** {@code POST /product-categories/batch}; errors name the item (categories.3.name). */
record ProductCategoryBatchRequest(
        @NotEmpty(message = "The categories field is required: send a list of 1 to 1000 categories.")
        @Size(max = ProductService.MAX_BATCH, message = "Send at most 1000 categories per batch; split larger imports.")
        // a null item is reported with the others, by its index (ProductService), not refused alone
        @JsonSetter(contentNulls = Nulls.SET)
        List<ProductCategoryRequest> categories) {
}
