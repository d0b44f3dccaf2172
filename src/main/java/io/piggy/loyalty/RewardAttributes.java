package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.shared.api.PageRequest;
import io.piggy.shared.attribute.AttributeOption;
import io.piggy.shared.attribute.AttributeType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The reward attribute definitions of each account, in the order they were made. */
@Repository
class RewardAttributes {
    private static final String COLUMNS = """
            display_id, name, label, description, type, placeholder, options::text AS options, created_at
            """;
    private static final TypeReference<List<AttributeOption>> OPTIONS = new TypeReference<>() {
    };
    private final JdbcClient db;
    private final JsonMapper json;
    private final Clock clock;

    RewardAttributes(JdbcClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    record NewAttribute(String name, String label, String description, AttributeType type, String placeholder,
                        List<AttributeOption> options) {
    }

    record Page(List<RewardAttribute> attributes, long total) {
    }

    Page page(AccountId account, PageRequest page) {
        long total = db.sql("SELECT count(*) FROM reward_attributes WHERE account_id = :account")
                .param("account", account.value()).query(Long.class).single();
        List<RewardAttribute> attributes = db.sql("SELECT " + COLUMNS + """
                         FROM reward_attributes WHERE account_id = :account
                        ORDER BY display_id LIMIT :limit OFFSET :offset""")
                .param("account", account.value()).param("limit", page.limit()).param("offset", page.offset())
                .query(this::map).list();
        return new Page(attributes, total);
    }

    Map<String, RewardAttribute> byName(AccountId account, Collection<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        return db.sql("SELECT " + COLUMNS + " FROM reward_attributes WHERE account_id = :account AND name IN (:names)")
                .param("account", account.value()).param("names", names).query(this::map).list().stream()
                .collect(Collectors.toMap(RewardAttribute::name, Function.identity()));
    }

    /** @return the new attribute, or empty when the account has one of that name */
    Optional<RewardAttribute> insert(AccountId account, NewAttribute a) {
        Timestamp now = Timestamp.from(clock.instant());
        return db.sql("""
                        INSERT INTO reward_attributes (account_id, name, label, description, type, placeholder, options,
                                                       created_at, updated_at)
                        VALUES (:account, :name, :label, :description, :type, :placeholder, CAST(:options AS jsonb),
                                :now, :now)
                        ON CONFLICT (account_id, name) DO NOTHING
                        RETURNING""" + " " + COLUMNS)
                .param("account", account.value()).param("name", a.name()).param("label", a.label())
                .param("description", a.description()).param("type", a.type().apiName())
                .param("placeholder", a.placeholder()).param("options", json.writeValueAsString(a.options()))
                .param("now", now).query(this::map).optional();
    }

    private RewardAttribute map(ResultSet rs, int row) throws SQLException {
        return new RewardAttribute(rs.getLong("display_id"), rs.getString("name"), rs.getString("label"),
                rs.getString("description"), rs.getString("type"), rs.getString("placeholder"),
                json.readValue(rs.getString("options"), OPTIONS), rs.getTimestamp("created_at").toInstant());
    }
}
