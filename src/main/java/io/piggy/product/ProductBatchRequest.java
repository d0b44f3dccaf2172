package io.piggy.product;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/** {@code POST /products/batch}; the items are validated one by one, so errors name them (products.3.name). */
record ProductBatchRequest(
        @NotEmpty(message = "The products field is required: send a list of 1 to 1000 products.")
        @Size(max = ProductService.MAX_BATCH, message = "Send at most 1000 products per batch; split larger imports.")
        // a null item is reported with the others, by its index (ProductService), not refused alone
        @JsonSetter(contentNulls = Nulls.SET)
        List<ProductRequest> products) {
}
