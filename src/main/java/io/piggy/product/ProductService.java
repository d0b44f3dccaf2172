package io.piggy.product;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.api.FieldErrors;
import io.piggy.shared.api.ListQuery;
import io.piggy.shared.api.PageRequest;
import io.piggy.shared.db.FindOrCreate;
import jakarta.validation.Validator;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Products: create (one or a batch, all or nothing), find-or-create (race-safe), read, update, delete. */
@Service
class ProductService {
    static final int MAX_BATCH = 1000;
    /** For optional fields that, when given, may not be blank. */
    static final String NOT_BLANK = "(?s).*\\S.*";

    private final Products products;
    private final CategoryRefs categoryRefs;
    private final Validator validator;
    private final TransactionTemplate tx;

    ProductService(Products products, CategoryRefs categoryRefs, Validator validator, TransactionTemplate tx) {
        this.products = products;
        this.categoryRefs = categoryRefs;
        this.validator = validator;
        this.tx = tx;
    }

    /**
     * Creates every item or none. {@code listKey} names the list in error keys ("products" gives
     * products.3.name); null for a single product, whose errors carry plain field names.
     */
    List<ProductResponse> create(AccountId account, List<ProductRequest> items, String listKey) {
        FieldErrors errors = CatalogItems.check(validator, listKey, items, ProductRequest::externalIdentifier,
                externals -> products.table().taken(account, externals));
        List<List<UUID>> categories = categoryRefs.resolve(account,
                items.stream().map(i -> i == null ? null : i.categories()).toList(),
                CatalogItems.prefixes(listKey, items.size()), errors);
        errors.throwIfAny();
        return write(() -> {
            List<Products.Row> rows = CatalogItems.inItemOrder(listKey,
                    items.stream().map(ProductRequest::externalIdentifier).toList(),
                    products.insert(account, items), Products.Row::externalIdentifier);
            Map<UUID, List<UUID>> links = new LinkedHashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                links.put(rows.get(i).uuid(), categories.get(i));
            }
            products.setCategories(account, links);
            return views(account, rows);
        });
    }

    /** Finds the product by external_identifier, else creates it; concurrent calls give one product. */
    ProductResponse findOrCreate(AccountId account, ProductRequest request) {
        FieldErrors errors = new FieldErrors();
        List<UUID> categories = categoryRefs.resolve(account, Collections.singletonList(request.categories()),
                List.of(""), errors).get(0);
        errors.throwIfAny();
        return write(() -> FindOrCreate.run(
                () -> products.table().findByExternalIdentifier(account, request.externalIdentifier())
                        .map(row -> view(account, row)),
                () -> products.insert(account, List.of(request)).stream().findFirst().map(row -> {
                    products.setCategories(account, Map.of(row.uuid(), categories));
                    return view(account, row);
                })));
    }

    ProductResponse get(AccountId account, UUID id) {
        return view(account, products.table().find(account, id).orElseThrow(ProductService::notFound));
    }

    ProductResponse findByExternalIdentifier(AccountId account, String externalIdentifier) {
        CatalogItems.requireExternalIdentifier(externalIdentifier);
        return view(account, products.table().findByExternalIdentifier(account, externalIdentifier)
                .orElseThrow(ProductService::notFound));
    }

    CatalogTable.Page<ProductResponse> list(AccountId account, PageRequest page, ListQuery query) {
        CatalogTable.Page<Products.Row> rows = products.table().list(account, page, query);
        return new CatalogTable.Page<>(views(account, rows.items()), rows.total());
    }

    ProductResponse update(AccountId account, UUID id, UpdateProductRequest request) {
        FieldErrors errors = new FieldErrors();
        List<UUID> categories = categoryRefs.resolve(account, Collections.singletonList(request.categories()),
                List.of(""), errors).get(0);
        errors.throwIfAny();
        return write(() -> {
            Products.Row row = products.update(account, id, request).orElseThrow(ProductService::notFound);
            if (request.categories() != null) {
                products.setCategories(account, Map.of(id, categories));
            }
            return view(account, row);
        });
    }

    /**
     * Runs a write in a transaction. Categories are resolved before it, so one deleted in between
     * breaks a link's foreign key: that is the client's race to retry, not a server error.
     */
    private <T> T write(Supplier<T> work) {
        try {
            return tx.execute(status -> work.get());
        } catch (DuplicateKeyException e) {
            throw CatalogItems.taken();
        } catch (DataIntegrityViolationException e) {
            throw ApiException.invalidField("categories",
                    "A category named here was deleted meanwhile. Check the categories and send the request again.");
        }
    }

    void delete(AccountId account, UUID id) {
        if (!products.table().delete(account, id)) {
            throw notFound();
        }
    }

    private ProductResponse view(AccountId account, Products.Row row) {
        return views(account, List.of(row)).get(0);
    }

    private List<ProductResponse> views(AccountId account, List<Products.Row> rows) {
        Map<UUID, List<ProductCategoryResponse>> categories =
                products.categoriesOf(account, rows.stream().map(Products.Row::uuid).toList());
        return rows.stream().map(r -> new ProductResponse(r.uuid(), r.externalIdentifier(), r.name(), r.description(),
                categories.getOrDefault(r.uuid(), List.of()))).toList();
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.MODEL_NOT_FOUND,
                "No product with this uuid or external_identifier in this account.");
    }
}
