package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.attribute.AttributeOption;
import io.piggy.shared.attribute.AttributeType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Attribute definitions per account. Piggy's predefined attributes are written into an account's
 * rows the first time its attributes are read, so every attribute is one kind of row.
 */
@Repository
class ContactAttributes {
    private static final String COLUMNS = """
            display_id, name, label, type, description, group_name, options::text AS options, position,
            is_piggy_defined, is_soft_read_only, is_hard_read_only, created_at
            """;
    private static final TypeReference<List<AttributeOption>> OPTIONS = new TypeReference<>() {
    };
    private final JdbcClient db;
    private final JsonMapper json;
    private final Clock clock;
    /** Accounts whose predefined rows are known to be committed. */
    private final Set<UUID> seeded = ConcurrentHashMap.newKeySet();

    ContactAttributes(JdbcClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    record NewAttribute(String name, String label, AttributeType type, String description, String groupName,
                        List<AttributeOption> options) {
    }

    List<ContactAttribute> all(AccountId account) {
        seed(account);
        return db.sql("SELECT " + COLUMNS + " FROM contact_attributes WHERE account_id = :account ORDER BY position, name")
                .param("account", account.value()).query(this::map).list();
    }

    Map<String, ContactAttribute> byName(AccountId account, Collection<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        seed(account);
        return db.sql("SELECT " + COLUMNS + " FROM contact_attributes WHERE account_id = :account AND name IN (:names)")
                .param("account", account.value()).param("names", names).query(this::map).list().stream()
                .collect(Collectors.toMap(ContactAttribute::name, Function.identity()));
    }

    Optional<ContactAttribute> find(AccountId account, String name) {
        return Optional.ofNullable(byName(account, List.of(name)).get(name));
    }

    /** @return the new attribute, or empty when the account has one of that name */
    Optional<ContactAttribute> insert(AccountId account, NewAttribute a) {
        seed(account);
        Timestamp now = Timestamp.from(clock.instant());
        return db.sql("INSERT INTO contact_attributes (account_id, name, label, type, description, group_name, options, "
                        + "position, created_at, updated_at) "
                        + "SELECT :account, :name, :label, :type, :description, :group, CAST(:options AS jsonb), "
                        + "coalesce(max(position), 0) + 1, :now, :now FROM contact_attributes WHERE account_id = :account "
                        + "ON CONFLICT (account_id, name) DO NOTHING RETURNING " + COLUMNS)
                .param("account", account.value()).param("name", a.name()).param("label", a.label())
                .param("type", a.type().apiName()).param("description", a.description()).param("group", a.groupName())
                .param("options", json.writeValueAsString(a.options())).param("now", now)
                .query(this::map).optional();
    }

    /** Changes what is given (null keeps the current value). */
    Optional<ContactAttribute> update(AccountId account, String name, String label, String description, String groupName,
                                      List<AttributeOption> options) {
        seed(account);
        return db.sql("UPDATE contact_attributes SET label = coalesce(:label, label), "
                        + "description = coalesce(:description, description), group_name = coalesce(:group, group_name), "
                        + "options = coalesce(CAST(:options AS jsonb), options), updated_at = :now "
                        + "WHERE account_id = :account AND name = :name RETURNING " + COLUMNS)
                .param("label", label).param("description", description).param("group", groupName)
                .param("options", options == null ? null : json.writeValueAsString(options))
                .param("now", Timestamp.from(clock.instant())).param("account", account.value()).param("name", name)
                .query(this::map).optional();
    }

    private void seed(AccountId account) {
        if (seeded.contains(account.value())) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PredefinedAttributes.Predefined p : PredefinedAttributes.ALL) {
            rows.add(Map.of("name", p.name(), "label", p.label(), "type", p.type().apiName(), "grp", p.group(),
                    "position", rows.size() + 1, "soft", p.softReadOnly(), "hard", p.hardReadOnly()));
        }
        db.sql("""
                        INSERT INTO contact_attributes (account_id, name, label, type, group_name, position,
                            is_piggy_defined, is_soft_read_only, is_hard_read_only, created_at, updated_at)
                        SELECT :account, r.name, r.label, r.type, r.grp, r.position, true, r.soft, r.hard, :now, :now
                        FROM jsonb_to_recordset(CAST(:rows AS jsonb))
                             AS r(name text, label text, type text, grp text, position int, soft boolean, hard boolean)
                        ON CONFLICT (account_id, name) DO NOTHING""")
                .param("account", account.value()).param("rows", json.writeValueAsString(rows))
                .param("now", Timestamp.from(clock.instant())).update();
        // Only remember it once committed: a rolled-back request must not leave the account unseeded for good.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    seeded.add(account.value());
                }
            });
        } else {
            seeded.add(account.value());
        }
    }

    private ContactAttribute map(ResultSet rs, int row) throws SQLException {
        return new ContactAttribute(rs.getLong("display_id"), rs.getString("name"), rs.getString("label"),
                rs.getString("type"), rs.getString("description"), rs.getString("group_name"),
                json.readValue(rs.getString("options"), OPTIONS), rs.getInt("position"),
                rs.getBoolean("is_piggy_defined"), rs.getBoolean("is_soft_read_only"),
                rs.getBoolean("is_hard_read_only"), rs.getTimestamp("created_at").toInstant());
    }
}
