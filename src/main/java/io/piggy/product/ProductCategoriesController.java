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
@RequestMapping("/api/v3/oauth/clients/product-categories")
@Tag(name = "Product categories")
class ProductCategoriesController {
    static final String NOT_FOUND = "60013 (Model not found) when the account has no such category.";
    static final String INVALID = "1003 with errors per field for invalid input, e.g. an external_identifier "
            + "the account already uses.";
    private final ProductCategoryService categories;

    ProductCategoriesController(ProductCategoryService categories) {
        this.categories = categories;
    }

    @GetMapping
    @Operation(summary = "List product categories", description = "Paged: page (default 1), limit (default 10, at "
            + "most 100), sort=created_at|-created_at, created_at[gt|gte|lt|lte]=<ISO-8601>. 1003 for bad paging or filters.")
    Envelope<List<ProductCategoryResponse>> list(AccountId account, @RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer limit,
                                                 @Parameter(hidden = true) @RequestParam Map<String, String> query) {
        PageRequest request = PageRequest.of(page, limit, 10, 100);
        CatalogTable.Page<ProductCategoryResponse> result = categories.list(account, request, ListQuery.parse(query));
        return Envelope.of(result.items(), Paging.custom(request, result.total()));
    }

    @PostMapping
    @Operation(summary = "Create a product category", description = "external_identifier and name are required. " + INVALID)
    Envelope<ProductCategoryResponse> create(AccountId account,
                                             @Validated({Default.class, NameRequired.class}) @RequestBody
                                             ProductCategoryRequest request) {
        return Envelope.of(categories.create(account, List.of(request), null).get(0));
    }

    @PostMapping("/batch")
    @Operation(summary = "Create product categories in a batch", description = "Body {categories:[…]}, 1 to 1000 "
            + "items, each as for create. All or nothing: when any item is invalid none is created, and the 1003 "
            + "names every bad item's field, e.g. categories.3.name.")
    Envelope<List<ProductCategoryResponse>> batch(AccountId account, @Valid @RequestBody ProductCategoryBatchRequest request) {
        return Envelope.of(categories.create(account, request.categories(), "categories"));
    }

    @PostMapping("/find-or-create")
    @Operation(summary = "Find or create a product category", description = "Finds the category by "
            + "external_identifier (required), else creates it with the given name. Race-safe: concurrent calls with "
            + "one new external_identifier create one category. 1003 for invalid input.")
    Envelope<ProductCategoryResponse> findOrCreate(AccountId account, @Valid @RequestBody ProductCategoryRequest request) {
        return Envelope.of(categories.findOrCreate(account, request));
    }

    @GetMapping("/find")
    @Operation(summary = "Find a product category by external_identifier", description = NOT_FOUND
            + " 1003 without external_identifier.")
    Envelope<ProductCategoryResponse> find(AccountId account,
                                           @RequestParam("external_identifier") String externalIdentifier) {
        return Envelope.of(categories.findByExternalIdentifier(account, externalIdentifier));
    }

    @GetMapping("/{categoryUuid}")
    @Operation(summary = "Get a product category", description = NOT_FOUND)
    Envelope<ProductCategoryResponse> get(AccountId account, @PathVariable UUID categoryUuid) {
        return Envelope.of(categories.get(account, categoryUuid));
    }

    @PutMapping("/{categoryUuid}")
    @Operation(summary = "Update a product category", description = "Only the given fields change. "
            + NOT_FOUND + " " + INVALID)
    Envelope<ProductCategoryResponse> update(AccountId account, @PathVariable UUID categoryUuid,
                                             @Valid @RequestBody UpdateProductCategoryRequest request) {
        return Envelope.of(categories.update(account, categoryUuid, request));
    }

    @DeleteMapping("/{categoryUuid}")
    @Operation(summary = "Delete a product category", description = "Also takes the category off every product "
            + "that had it. Answers {\"data\": null}. " + NOT_FOUND)
    Envelope<Void> delete(AccountId account, @PathVariable UUID categoryUuid) {
        categories.delete(account, categoryUuid);
        return Envelope.of(null);
    }
}
