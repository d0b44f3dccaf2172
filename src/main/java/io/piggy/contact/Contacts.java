package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.db.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Live contacts of an account (deleted ones are invisible here). */
@Repository
class Contacts {
    static final String COLUMNS = """
            id, display_id, email, is_anonymous, channel, status, referral_code, attributes::text AS attributes,
            created_at, updated_at
            """;
    private final JdbcClient db;
    private final JsonMapper json;
    private final Clock clock;

    Contacts(JdbcClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    static String emailKey(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    Optional<Contact> find(AccountId account, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM contacts WHERE account_id = :account AND id = :id AND deleted_at IS NULL")
                .param("account", account.value()).param("id", id).query(this::map).optional();
    }

    List<Contact> findAll(AccountId account, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.sql("SELECT " + COLUMNS + " FROM contacts WHERE account_id = :account AND id IN (:ids) AND deleted_at IS NULL")
                .param("account", account.value()).param("ids", ids).query(this::map).list();
    }

    Optional<Contact> findByEmail(AccountId account, String email) {
        return db.sql("SELECT " + COLUMNS + """
                         FROM contacts WHERE account_id = :account AND email_key = :key AND deleted_at IS NULL""")
                .param("account", account.value()).param("key", emailKey(email)).query(this::map).optional();
    }

    /**
     * Inserts a contact unless a live one has that email; race-safe through the unique index.
     * @return the new contact, or empty when the email was taken
     */
    Optional<Contact> insert(AccountId account, String email, boolean anonymous, String channel, String referralCode) {
        Timestamp now = Timestamp.from(clock.instant());
        return db.sql("""
                        INSERT INTO contacts (account_id, id, email, email_key, is_anonymous, channel, referral_code,
                                              created_at, updated_at)
                        VALUES (:account, :id, :email, :key, :anonymous, :channel, :referral, :now, :now)
                        ON CONFLICT (account_id, email_key) WHERE deleted_at IS NULL DO NOTHING
                        RETURNING""" + " " + COLUMNS)
                .param("account", account.value()).param("id", Ids.next(clock)).param("email", email.trim())
                .param("key", emailKey(email)).param("anonymous", anonymous).param("channel", channel)
                .param("referral", referralCode).param("now", now)
                .query(this::map).optional();
    }

    private Contact map(ResultSet rs, int row) throws SQLException {
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = json.readValue(rs.getString("attributes"), Map.class);
        return new Contact(rs.getObject("id", UUID.class), rs.getLong("display_id"), rs.getString("email"),
                rs.getBoolean("is_anonymous"), rs.getString("channel"), rs.getString("status"),
                rs.getString("referral_code"), attributes, instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    record Contact(UUID id, long displayId, String email, boolean anonymous, String channel, String status,
                   String referralCode, Map<String, Object> attributes, Instant createdAt, Instant updatedAt) {
    }
}
