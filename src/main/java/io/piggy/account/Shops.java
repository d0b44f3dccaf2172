package io.piggy.account;

import io.piggy.shared.db.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class Shops {
    private static final String COLUMNS = "id AS uuid, display_id AS id, name, type, reference";
    private final JdbcClient db;
    private final Clock clock;

    Shops(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    List<ShopResponse> all(AccountId account) {
        return db.sql("SELECT " + COLUMNS + " FROM shops WHERE account_id = :account ORDER BY created_at, id")
                .param("account", account.value()).query(ShopResponse.class).list();
    }

    Optional<ShopResponse> find(AccountId account, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM shops WHERE account_id = :account AND id = :id")
                .param("account", account.value()).param("id", id).query(ShopResponse.class).optional();
    }

    ShopResponse create(AccountId account, String name, String type, String reference) {
        return db.sql("""
                        INSERT INTO shops (account_id, id, name, type, reference, created_at)
                        VALUES (:account, :id, :name, :type, :reference, :now)
                        RETURNING """ + " " + COLUMNS)
                .param("account", account.value()).param("id", Ids.next(clock)).param("name", name)
                .param("type", type).param("reference", reference)
                .param("now", Timestamp.from(clock.instant()))
                .query(ShopResponse.class).single();
    }
}
