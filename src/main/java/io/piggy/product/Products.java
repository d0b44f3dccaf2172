package io.piggy.product;

import io.piggy.account.AccountId;
import io.piggy.shared.db.Ids;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class Products {
    private static final String COLUMNS = "id AS uuid, external_identifier, name, description";
    private final CatalogTable<Row> table;
    private final JdbcClient db;
    private final Clock clock;

    record Row(UUID uuid, String externalIdentifier, String name, String description) {
    }

    Products(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.table = new CatalogTable<>(db, "products", COLUMNS, Row.class);
    }

    /** The queries shared with the other catalog table (an accessor: this bean is proxied). */
    CatalogTable<Row> table() {
        return table;
    }

    /** Inserts in one statement; an item whose external_identifier is taken is skipped (not returned). */
    List<Row> insert(AccountId account, List<ProductRequest> items) {
        return db.sql("""
                        INSERT INTO products (account_id, id, external_identifier, name, description, created_at, updated_at)
                        SELECT CAST(:account AS uuid), t.id, t.external, t.name, t.description,
                               CAST(:now AS timestamptz), CAST(:now AS timestamptz)
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:externals AS text[]), CAST(:names AS text[]),
                                    CAST(:descriptions AS text[])) AS t(id, external, name, description)
                        ON CONFLICT (account_id, external_identifier) DO NOTHING
                        RETURNING""" + " " + COLUMNS)
                .param("account", account.value()).param("now", Timestamp.from(clock.instant()))
                .param("ids", items.stream().map(i -> Ids.next(clock).toString()).toArray(String[]::new))
                .param("externals", items.stream().map(ProductRequest::externalIdentifier).toArray(String[]::new))
                .param("names", items.stream().map(ProductRequest::name).toArray(String[]::new))
                .param("descriptions", items.stream().map(i -> emptyToNull(i.description())).toArray(String[]::new))
                .query(Row.class).list();
    }

    /**
     * Changes the given (non-null) fields; an empty description clears it. A taken
     * external_identifier raises DuplicateKeyException.
     */
    Optional<Row> update(AccountId account, UUID id, UpdateProductRequest request) {
        return db.sql("""
                        UPDATE products
                           SET external_identifier = COALESCE(:external, external_identifier),
                               name = COALESCE(:name, name),
                               description = CASE WHEN :setDescription THEN CAST(:description AS text) ELSE description END,
                               updated_at = :now
                         WHERE account_id = :account AND id = :id
                        RETURNING""" + " " + COLUMNS)
                .param("external", request.externalIdentifier()).param("name", request.name())
                .param("setDescription", request.description() != null)
                .param("description", emptyToNull(request.description()))
                .param("now", Timestamp.from(clock.instant()))
                .param("account", account.value()).param("id", id)
                .query(Row.class).optional();
    }

    /** Gives each product these categories, in this order, in place of the ones it had. */
    void setCategories(AccountId account, Map<UUID, List<UUID>> categoriesByProduct) {
        if (categoriesByProduct.isEmpty()) {
            return;
        }
        db.sql("DELETE FROM product_category_links WHERE account_id = :account AND product_id = ANY(CAST(:products AS uuid[]))")
                .param("account", account.value())
                .param("products", categoriesByProduct.keySet().stream().map(UUID::toString).toArray(String[]::new))
                .update();
        List<String> products = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<String> positions = new ArrayList<>();
        categoriesByProduct.forEach((product, list) -> {
            for (int i = 0; i < list.size(); i++) {
                products.add(product.toString());
                categories.add(list.get(i).toString());
                positions.add(String.valueOf(i));
            }
        });
        if (products.isEmpty()) {
            return;
        }
        db.sql("""
                        INSERT INTO product_category_links (account_id, product_id, category_id, position)
                        SELECT CAST(:account AS uuid), t.product, t.category, t.position
                        FROM unnest(CAST(:products AS uuid[]), CAST(:categories AS uuid[]), CAST(:positions AS int[]))
                             AS t(product, category, position)""")
                .param("account", account.value())
                .param("products", products.toArray(String[]::new))
                .param("categories", categories.toArray(String[]::new))
                .param("positions", positions.toArray(String[]::new))
                .update();
    }

    /** The categories of each of these products, in their order; products without any are absent. */
    Map<UUID, List<ProductCategoryResponse>> categoriesOf(AccountId account, Collection<UUID> products) {
        Map<UUID, List<ProductCategoryResponse>> result = new LinkedHashMap<>();
        if (products.isEmpty()) {
            return result;
        }
        db.sql("""
                        SELECT l.product_id, c.id, c.external_identifier, c.name
                          FROM product_category_links l
                          JOIN product_categories c ON c.account_id = l.account_id AND c.id = l.category_id
                         WHERE l.account_id = :account AND l.product_id = ANY(CAST(:products AS uuid[]))
                         ORDER BY l.product_id, l.position""")
                .param("account", account.value())
                .param("products", products.stream().map(UUID::toString).toArray(String[]::new))
                .query((RowCallbackHandler) rs -> result
                        .computeIfAbsent(rs.getObject("product_id", UUID.class), k -> new ArrayList<>())
                        .add(new ProductCategoryResponse(rs.getObject("id", UUID.class),
                                rs.getString("external_identifier"), rs.getString("name"))));
        return result;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
