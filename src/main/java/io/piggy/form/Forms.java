package io.piggy.form;

import io.piggy.account.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class Forms {
    private static final String COLUMNS = """
            account_id, id, name, status, type, fields, subscription_type_ids, credits, thank_you_text,
            created_at, updated_at""";
    private final JdbcClient db;

    Forms(JdbcClient db) {
        this.db = db;
    }

    /** @param status and type filter when not null */
    List<Form> list(AccountId account, FormStatus status, FormType type) {
        return db.sql("SELECT " + COLUMNS + """
                         FROM forms WHERE account_id = :account
                          AND (CAST(:status AS text) IS NULL OR status = :status)
                          AND (CAST(:type AS text) IS NULL OR type = :type)
                        ORDER BY created_at, id""")
                .param("account", account.value())
                .param("status", status == null ? null : status.name())
                .param("type", type == null ? null : type.name())
                .query(Forms::map).list();
    }

    Optional<Form> find(AccountId account, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM forms WHERE account_id = :account AND id = :id")
                .param("account", account.value()).param("id", id).query(Forms::map).optional();
    }

    /** The form behind a public page, whichever account owns it. */
    Optional<Form> findPublic(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM forms WHERE id = :id").param("id", id)
                .query(Forms::map).list().stream().findFirst();
    }

    void insert(Form form) {
        db.sql("INSERT INTO forms (" + COLUMNS + """
                        ) VALUES (:account, :id, :name, :status, :type, CAST(:fields AS text[]),
                                  CAST(:subscriptionTypes AS uuid[]), :credits, :thankYou, :createdAt, :updatedAt)""")
                .param("account", form.account().value()).param("id", form.id()).params(values(form))
                .param("createdAt", Timestamp.from(form.createdAt())).update();
    }

    /** @return false when the form is gone */
    boolean update(Form form) {
        return db.sql("""
                        UPDATE forms SET name = :name, status = :status, type = :type, fields = CAST(:fields AS text[]),
                               subscription_type_ids = CAST(:subscriptionTypes AS uuid[]), credits = :credits,
                               thank_you_text = :thankYou, updated_at = :updatedAt
                         WHERE account_id = :account AND id = :id""")
                .param("account", form.account().value()).param("id", form.id()).params(values(form)).update() == 1;
    }

    boolean delete(AccountId account, UUID id) {
        return db.sql("DELETE FROM forms WHERE account_id = :account AND id = :id")
                .param("account", account.value()).param("id", id).update() == 1;
    }

    private static Map<String, Object> values(Form form) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", form.name());
        values.put("status", form.status().name());
        values.put("type", form.type().name());
        values.put("fields", form.fields().toArray(String[]::new));
        values.put("subscriptionTypes", form.subscriptionTypes().stream().map(UUID::toString).toArray(String[]::new));
        values.put("credits", form.credits());
        values.put("thankYou", form.thankYouText());
        values.put("updatedAt", Timestamp.from(form.updatedAt()));
        return values;
    }

    private static Form map(ResultSet rs, int row) throws SQLException {
        return new Form(new AccountId(rs.getObject("account_id", UUID.class)), rs.getObject("id", UUID.class),
                rs.getString("name"), FormStatus.valueOf(rs.getString("status")), FormType.valueOf(rs.getString("type")),
                List.of((String[]) array(rs.getArray("fields"))),
                Arrays.stream((UUID[]) array(rs.getArray("subscription_type_ids"))).toList(),
                rs.getLong("credits"), rs.getString("thank_you_text"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static Object array(Array array) throws SQLException {
        return array.getArray();
    }
}
