package io.piggy.voucher;

import io.piggy.account.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@Repository
class PromotionAttributes {
    private static final String COLUMNS = "id, name, label, description, placeholder, type, options::text AS options";
    private final JdbcClient db;
    private final JsonMapper json;
    private final Clock clock;

    PromotionAttributes(JdbcClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    List<PromotionAttributeResponse> all(AccountId account) {
        return db.sql("SELECT " + COLUMNS + " FROM promotion_attributes WHERE account_id = :account ORDER BY id")
                .param("account", account.value()).query(this::map).list();
    }

    Optional<PromotionAttributeResponse> find(AccountId account, long id) {
        return db.sql("SELECT " + COLUMNS + " FROM promotion_attributes WHERE account_id = :account AND id = :id")
                .param("account", account.value()).param("id", id).query(this::map).optional();
    }

    Set<String> names(AccountId account) {
        return Set.copyOf(db.sql("SELECT name FROM promotion_attributes WHERE account_id = :account")
                .param("account", account.value()).query(String.class).list());
    }

    /** @return empty when an attribute with this name exists */
    Optional<PromotionAttributeResponse> create(AccountId account, String name, String label, String description,
                                                String placeholder, String type, List<Map<String, Object>> options) {
        Timestamp now = Timestamp.from(clock.instant());
        return db.sql("""
                        INSERT INTO promotion_attributes (account_id, name, label, description, placeholder, type,
                                                          options, created_at, updated_at)
                        VALUES (:account, :name, :label, :description, :placeholder, :type, CAST(:options AS jsonb),
                                :now, :now)
                        ON CONFLICT (account_id, name) DO NOTHING
                        RETURNING""" + " " + COLUMNS)
                .param("account", account.value()).param("name", name).param("label", label)
                .param("description", description).param("placeholder", placeholder).param("type", type)
                .param("options", json.writeValueAsString(options)).param("now", now)
                .query(this::map).optional();
    }

    /** Changes the given fields (null keeps a field); the name is fixed once created. */
    Optional<PromotionAttributeResponse> update(AccountId account, long id, String label, String description,
                                                String placeholder, String type, List<Map<String, Object>> options) {
        return db.sql("""
                        UPDATE promotion_attributes SET label = COALESCE(:label, label),
                            description = COALESCE(:description, description),
                            placeholder = COALESCE(:placeholder, placeholder), type = COALESCE(:type, type),
                            options = COALESCE(CAST(:options AS jsonb), options), updated_at = :now
                        WHERE account_id = :account AND id = :id
                        RETURNING""" + " " + COLUMNS)
                .param("account", account.value()).param("id", id).param("label", label)
                .param("description", description).param("placeholder", placeholder).param("type", type)
                .param("options", options == null ? null : json.writeValueAsString(options))
                .param("now", Timestamp.from(clock.instant()))
                .query(this::map).optional();
    }

    private PromotionAttributeResponse map(ResultSet rs, int row) throws SQLException {
        @SuppressWarnings("unchecked")
        List<Object> options = json.readValue(rs.getString("options"), List.class);
        return new PromotionAttributeResponse(rs.getLong("id"), rs.getString("name"), rs.getString("label"),
                rs.getString("description"), rs.getString("placeholder"), rs.getString("type"), options);
    }
}
