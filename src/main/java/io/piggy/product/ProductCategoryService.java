package io.piggy.product;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.api.FieldErrors;
import io.piggy.shared.api.ListQuery;
import io.piggy.shared.api.PageRequest;
import io.piggy.shared.db.FindOrCreate;
import jakarta.validation.Validator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

/** Product categories: the same calls as products, without description and categories. */
@Service
class ProductCategoryService {
    private final ProductCategories categories;
    private final Validator validator;
    private final TransactionTemplate tx;

    ProductCategoryService(ProductCategories categories, Validator validator, TransactionTemplate tx) {
        this.categories = categories;
        this.validator = validator;
        this.tx = tx;
    }

    /** Creates every item or none; {@code listKey} as for {@link ProductService#create}. */
    List<ProductCategoryResponse> create(AccountId account, List<ProductCategoryRequest> items, String listKey) {
        FieldErrors errors = CatalogItems.check(validator, listKey, items, ProductCategoryRequest::externalIdentifier,
                externals -> categories.table().taken(account, externals));
        errors.throwIfAny();
        return tx.execute(status -> CatalogItems.inItemOrder(listKey,
                items.stream().map(ProductCategoryRequest::externalIdentifier).toList(),
                categories.insert(account, items), ProductCategoryResponse::externalIdentifier));
    }

    /** Finds the category by external_identifier, else creates it; concurrent calls give one category. */
    ProductCategoryResponse findOrCreate(AccountId account, ProductCategoryRequest request) {
        return tx.execute(status -> FindOrCreate.run(
                () -> categories.table().findByExternalIdentifier(account, request.externalIdentifier()),
                () -> categories.insert(account, List.of(request)).stream().findFirst()));
    }

    ProductCategoryResponse get(AccountId account, UUID id) {
        return categories.table().find(account, id).orElseThrow(ProductCategoryService::notFound);
    }

    ProductCategoryResponse findByExternalIdentifier(AccountId account, String externalIdentifier) {
        CatalogItems.requireExternalIdentifier(externalIdentifier);
        return categories.table().findByExternalIdentifier(account, externalIdentifier)
                .orElseThrow(ProductCategoryService::notFound);
    }

    CatalogTable.Page<ProductCategoryResponse> list(AccountId account, PageRequest page, ListQuery query) {
        return categories.table().list(account, page, query);
    }

    ProductCategoryResponse update(AccountId account, UUID id, UpdateProductCategoryRequest request) {
        try {
            return categories.update(account, id, request).orElseThrow(ProductCategoryService::notFound);
        } catch (DuplicateKeyException e) {
            throw CatalogItems.taken();
        }
    }

    /** Deleting a category takes it off every product that had it. */
    void delete(AccountId account, UUID id) {
        if (!categories.table().delete(account, id)) {
            throw notFound();
        }
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.MODEL_NOT_FOUND,
                "No product category with this uuid or external_identifier in this account.");
    }
}
