package io.piggy.account;

import io.piggy.shared.db.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

@Repository
class Units {
    private static final String SELECT = """
            SELECT u.display_id AS id, u.id AS uuid, p.display_id AS loyalty_program_id, u.name, u.label, u.prefix,
                   u.is_default, NULL AS format, u.created_at, u.updated_at
            FROM units u JOIN loyalty_programs p ON p.account_id = u.account_id
            WHERE u.account_id = :account""";
    private final JdbcClient db;
    private final Clock clock;

    Units(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    List<UnitResponse> all(AccountId account) {
        return db.sql(SELECT + " ORDER BY u.created_at, u.id").param("account", account.value())
                .query(UnitResponse.class).list();
    }

    Optional<UnitResponse> byName(AccountId account, String name) {
        return db.sql(SELECT + " AND u.name = :name").param("account", account.value()).param("name", name)
                .query(UnitResponse.class).optional();
    }

    Optional<UnitResponse> defaultUnit(AccountId account) {
        return db.sql(SELECT + " AND u.is_default").param("account", account.value())
                .query(UnitResponse.class).optional();
    }

    /** @return false when the name is taken in this account */
    boolean insert(AccountId account, String name, String label, String prefix, boolean isDefault) {
        Timestamp now = Timestamp.from(clock.instant());
        if (isDefault) {
            db.sql("UPDATE units SET is_default = false, updated_at = :now WHERE account_id = :account AND is_default")
                    .param("now", now).param("account", account.value()).update();
        }
        return db.sql("""
                        INSERT INTO units (account_id, id, name, label, prefix, is_default, created_at, updated_at)
                        VALUES (:account, :id, :name, :label, :prefix, :isDefault, :now, :now)
                        ON CONFLICT (account_id, name) DO NOTHING""")
                .param("account", account.value()).param("id", Ids.next(clock)).param("name", name)
                .param("label", label).param("prefix", prefix).param("isDefault", isDefault).param("now", now)
                .update() == 1;
    }
}
