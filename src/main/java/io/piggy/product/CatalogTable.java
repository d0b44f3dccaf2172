package io.piggy.product;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ListQuery;
import io.piggy.shared.api.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The queries products and product categories share: rows of one account, known by uuid and by
 * the client's unique external_identifier. {@code columns} select the row record's components.
 */
final class CatalogTable<T> {
    private final JdbcClient db;
    private final String table;
    private final String columns;
    private final Class<T> type;

    CatalogTable(JdbcClient db, String table, String columns, Class<T> type) {
        this.db = db;
        this.table = table;
        this.columns = columns;
        this.type = type;
    }

    String table() {
        return table;
    }

    String columns() {
        return columns;
    }

    Optional<T> find(AccountId account, UUID id) {
        return db.sql("SELECT " + columns + " FROM " + table + " WHERE account_id = :account AND id = :id")
                .param("account", account.value()).param("id", id).query(type).optional();
    }

    Optional<T> findByExternalIdentifier(AccountId account, String externalIdentifier) {
        return db.sql("SELECT " + columns + " FROM " + table
                        + " WHERE account_id = :account AND external_identifier = :external")
                .param("account", account.value()).param("external", externalIdentifier).query(type).optional();
    }

    /** Which of these external identifiers the account already uses. */
    Set<String> taken(AccountId account, Collection<String> externalIdentifiers) {
        if (externalIdentifiers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(db.sql("SELECT external_identifier FROM " + table
                        + " WHERE account_id = :account AND external_identifier = ANY(CAST(:externals AS text[]))")
                .param("account", account.value()).param("externals", externalIdentifiers.toArray(String[]::new))
                .query(String.class).list());
    }

    boolean delete(AccountId account, UUID id) {
        return db.sql("DELETE FROM " + table + " WHERE account_id = :account AND id = :id")
                .param("account", account.value()).param("id", id).update() == 1;
    }

    record Page<T>(List<T> items, long total) {
    }

    /** One page of the account's rows, in creation order (or newest first), with the total count. */
    Page<T> list(AccountId account, PageRequest page, ListQuery query) {
        return new Page<>(page(account, page, query), count(account, query));
    }

    private List<T> page(AccountId account, PageRequest page, ListQuery query) {
        return db.sql("SELECT " + columns + " FROM " + table + " WHERE account_id = :account"
                        + query.createdAtSql("created_at") + query.orderBySql("created_at", "id")
                        + " LIMIT :limit OFFSET :offset")
                .params(query.parameters()).param("account", account.value())
                .param("limit", page.limit()).param("offset", page.offset())
                .query(type).list();
    }

    private long count(AccountId account, ListQuery query) {
        return db.sql("SELECT count(*) FROM " + table + " WHERE account_id = :account" + query.createdAtSql("created_at"))
                .params(query.parameters()).param("account", account.value()).query(Long.class).single();
    }
}
