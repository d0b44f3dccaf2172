package io.piggy.product;

import io.piggy.account.AccountId;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.ListQuery;
import io.piggy.shared.api.PageRequest;
import io.piggy.shared.api.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v3/oauth/clients/products")
@Tag(name = "Products")
class ProductsController {
    static final String NOT_FOUND = "60013 (Model not found) when the account has no such product.";
    static final String INVALID = "1003 with errors per field for invalid input, e.g. an external_identifier "
            + "the account already uses or a category that does not exist.";
    private final ProductService products;

    ProductsController(ProductService products) {
        this.products = products;
    }

    @GetMapping
    @Operation(summary = "List products", description = "Paged: page (default 1), limit (default 10, at most 100), "
            + "sort=created_at|-created_at, created_at[gt|gte|lt|lte]=<ISO-8601>. 1003 for bad paging or filters.")
    Envelope<List<ProductResponse>> list(AccountId account, @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer limit,
                                         @Parameter(hidden = true) @RequestParam Map<String, String> query) {
        PageRequest request = PageRequest.of(page, limit, 10, 100);
        CatalogTable.Page<ProductResponse> result = products.list(account, request, ListQuery.parse(query));
        return Envelope.of(result.items(), Paging.custom(request, result.total()));
    }

    @PostMapping
    @Operation(summary = "Create a product", description = "external_identifier and name are required; categories "
            + "are named by {uuid} or {external_identifier}. " + INVALID)
    Envelope<ProductResponse> create(AccountId account,
                                     @Validated({Default.class, NameRequired.class}) @RequestBody ProductRequest request) {
        return Envelope.of(products.create(account, List.of(request), null).get(0));
    }

    @PostMapping("/batch")
    @Operation(summary = "Create products in a batch", description = "Body {products:[…]}, 1 to 1000 items, each as "
            + "for create. All or nothing: when any item is invalid none is created, and the 1003 names every bad "
            + "item's field, e.g. products.3.name.")
    Envelope<List<ProductResponse>> batch(AccountId account, @Valid @RequestBody ProductBatchRequest request) {
        return Envelope.of(products.create(account, request.products(), "products"));
    }

    @PostMapping("/find-or-create")
    @Operation(summary = "Find or create a product", description = "Finds the product by external_identifier "
            + "(required), else creates it with the given name, description and categories. Race-safe: concurrent "
            + "calls with one new external_identifier create one product. " + INVALID)
    Envelope<ProductResponse> findOrCreate(AccountId account, @Valid @RequestBody ProductRequest request) {
        return Envelope.of(products.findOrCreate(account, request));
    }

    @GetMapping("/find")
    @Operation(summary = "Find a product by external_identifier", description = NOT_FOUND
            + " 1003 without external_identifier.")
    Envelope<ProductResponse> find(AccountId account,
                                   @RequestParam("external_identifier") String externalIdentifier) {
        return Envelope.of(products.findByExternalIdentifier(account, externalIdentifier));
    }

    @GetMapping("/{productUuid}")
    @Operation(summary = "Get a product", description = NOT_FOUND)
    Envelope<ProductResponse> get(AccountId account, @PathVariable UUID productUuid) {
        return Envelope.of(products.get(account, productUuid));
    }

    @PutMapping("/{productUuid}")
    @Operation(summary = "Update a product", description = "Only the given fields change; an empty description "
            + "clears it; categories, when given, replace the product's categories. " + NOT_FOUND + " " + INVALID)
    Envelope<ProductResponse> update(AccountId account, @PathVariable UUID productUuid,
                                     @Valid @RequestBody UpdateProductRequest request) {
        return Envelope.of(products.update(account, productUuid, request));
    }

    @DeleteMapping("/{productUuid}")
    @Operation(summary = "Delete a product", description = "Answers {\"data\": null}. " + NOT_FOUND)
    Envelope<Void> delete(AccountId account, @PathVariable UUID productUuid) {
        products.delete(account, productUuid);
        return Envelope.of(null);
    }
}
