package io.piggy.product;

import io.piggy.account.AccountId;
import io.piggy.shared.db.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class ProductCategories {
    private static final String COLUMNS = "id AS uuid, external_identifier, name";
    private final CatalogTable<ProductCategoryResponse> table;
    private final JdbcClient db;
    private final Clock clock;

    ProductCategories(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.table = new CatalogTable<>(db, "product_categories", COLUMNS, ProductCategoryResponse.class);
    }

    /** The queries shared with the other catalog table (an accessor: this bean is proxied). */
    CatalogTable<ProductCategoryResponse> table() {
        return table;
    }

    /** Inserts in one statement; an item whose external_identifier is taken is skipped (not returned). */
    List<ProductCategoryResponse> insert(AccountId account, List<ProductCategoryRequest> items) {
        return db.sql("""
                        INSERT INTO product_categories (account_id, id, external_identifier, name, created_at, updated_at)
                        SELECT CAST(:account AS uuid), t.id, t.external, t.name, CAST(:now AS timestamptz),
                               CAST(:now AS timestamptz)
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:externals AS text[]), CAST(:names AS text[]))
                             AS t(id, external, name)
                        ON CONFLICT (account_id, external_identifier) DO NOTHING
                        RETURNING""" + " " + COLUMNS)
                .param("account", account.value()).param("now", Timestamp.from(clock.instant()))
                .param("ids", items.stream().map(i -> Ids.next(clock).toString()).toArray(String[]::new))
                .param("externals", items.stream().map(ProductCategoryRequest::externalIdentifier).toArray(String[]::new))
                .param("names", items.stream().map(ProductCategoryRequest::name).toArray(String[]::new))
                .query(ProductCategoryResponse.class).list();
    }

    /** Categories of the account with any of these uuids or external identifiers. */
    List<ProductCategoryResponse> findAll(AccountId account, Collection<UUID> ids, Collection<String> externals) {
        return db.sql("SELECT " + COLUMNS + """
                         FROM product_categories
                        WHERE account_id = :account
                          AND (id = ANY(CAST(:ids AS uuid[])) OR external_identifier = ANY(CAST(:externals AS text[])))""")
                .param("account", account.value())
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .param("externals", externals.toArray(String[]::new))
                .query(ProductCategoryResponse.class).list();
    }

    /** Changes the given (non-null) fields; a taken external_identifier raises DuplicateKeyException. */
    Optional<ProductCategoryResponse> update(AccountId account, UUID id, UpdateProductCategoryRequest request) {
        return db.sql("""
                        UPDATE product_categories
                           SET external_identifier = COALESCE(:external, external_identifier),
                               name = COALESCE(:name, name), updated_at = :now
                         WHERE account_id = :account AND id = :id
                        RETURNING""" + " " + COLUMNS)
                .param("external", request.externalIdentifier()).param("name", request.name())
                .param("now", Timestamp.from(clock.instant()))
                .param("account", account.value()).param("id", id)
                .query(ProductCategoryResponse.class).optional();
    }
}
