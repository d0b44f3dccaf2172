package io.piggy.perk;

import io.piggy.account.AccountId;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class Perks {
    private final JdbcClient db;
    private final Clock clock;

    Perks(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    private record Row(UUID id, String label, String name, String dataType) {
    }

    List<Perk> all(AccountId account) {
        return withOptions(account, db.sql("""
                        SELECT id, label, name, data_type FROM perks WHERE account_id = :account
                         ORDER BY created_at, id""")
                .param("account", account.value()).query(Row.class).list());
    }

    Optional<Perk> find(AccountId account, UUID id) {
        return db.sql("SELECT id, label, name, data_type FROM perks WHERE account_id = :account AND id = :id")
                .param("account", account.value()).param("id", id).query(Row.class).optional()
                .map(row -> withOptions(account, List.of(row)).get(0));
    }

    /** @return false when the account has a perk with this name */
    boolean insert(AccountId account, UUID id, String name, String label, PerkDataType type) {
        Timestamp now = Timestamp.from(clock.instant());
        return db.sql("""
                        INSERT INTO perks (account_id, id, name, label, data_type, created_at, updated_at)
                        VALUES (:account, :id, :name, :label, :type, :now, :now)
                        ON CONFLICT (account_id, name) DO NOTHING""")
                .param("account", account.value()).param("id", id).param("name", name).param("label", label)
                .param("type", type.value()).param("now", now).update() == 1;
    }

    /**
     * Sets the label when given and marks the perk updated; this locks the perk's row, so
     * concurrent updates of one perk's options run one after the other.
     * @return false when the perk does not exist
     */
    boolean touch(AccountId account, UUID id, String label) {
        return db.sql("""
                        UPDATE perks SET label = COALESCE(:label, label), updated_at = :now
                         WHERE account_id = :account AND id = :id""")
                .param("label", label).param("now", Timestamp.from(clock.instant()))
                .param("account", account.value()).param("id", id).update() == 1;
    }

    /**
     * Makes these the perk's options. Options whose value stays are updated in place rather than
     * replaced, so what refers to an option by value (a tier's perk value) keeps pointing at it.
     */
    void setOptions(AccountId account, UUID perk, List<PerkOption> options) {
        String[] values = options.stream().map(PerkOption::value).toArray(String[]::new);
        db.sql("UPDATE perk_options SET is_default = false WHERE account_id = :account AND perk_id = :perk AND is_default")
                .param("account", account.value()).param("perk", perk).update();
        db.sql("""
                        DELETE FROM perk_options
                         WHERE account_id = :account AND perk_id = :perk AND value <> ALL(CAST(:values AS text[]))""")
                .param("account", account.value()).param("perk", perk).param("values", values).update();
        List<String> positions = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            positions.add(String.valueOf(i));
        }
        db.sql("""
                        INSERT INTO perk_options (account_id, perk_id, value, label, is_default, position)
                        SELECT CAST(:account AS uuid), CAST(:perk AS uuid), t.value, t.label, t.is_default, t.position
                        FROM unnest(CAST(:values AS text[]), CAST(:labels AS text[]), CAST(:defaults AS boolean[]),
                                    CAST(:positions AS int[])) AS t(value, label, is_default, position)
                        ON CONFLICT (account_id, perk_id, value)
                        DO UPDATE SET label = EXCLUDED.label, is_default = EXCLUDED.is_default, position = EXCLUDED.position""")
                .param("account", account.value()).param("perk", perk).param("values", values)
                .param("labels", options.stream().map(PerkOption::label).toArray(String[]::new))
                .param("defaults", options.stream().map(o -> String.valueOf(o.isDefault())).toArray(String[]::new))
                .param("positions", positions.toArray(String[]::new))
                .update();
    }

    boolean delete(AccountId account, UUID id) {
        return db.sql("DELETE FROM perks WHERE account_id = :account AND id = :id")
                .param("account", account.value()).param("id", id).update() == 1;
    }

    private List<Perk> withOptions(AccountId account, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<PerkOption>> options = new HashMap<>();
        db.sql("""
                        SELECT perk_id, label, value, is_default FROM perk_options
                         WHERE account_id = :account AND perk_id = ANY(CAST(:perks AS uuid[]))
                         ORDER BY perk_id, position""")
                .param("account", account.value())
                .param("perks", rows.stream().map(r -> r.id().toString()).toArray(String[]::new))
                .query((RowCallbackHandler) rs -> options
                        .computeIfAbsent(rs.getObject("perk_id", UUID.class), k -> new ArrayList<>())
                        .add(new PerkOption(rs.getString("label"), rs.getString("value"), rs.getBoolean("is_default"))));
        return rows.stream().map(r -> new Perk(r.id(), r.label(), r.name(), PerkDataType.parse(r.dataType()).orElseThrow(),
                List.copyOf(options.getOrDefault(r.id(), List.of())))).toList();
    }
}
