package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ListQuery;
import io.piggy.shared.api.PageRequest;
import io.piggy.shared.db.Ids;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Contacts of an account. The plain finders see live contacts only; deleted and merged ones are gone for the API. */
@Repository
class Contacts {
    static final String COLUMNS = """
            id, display_id, email, is_anonymous, channel, status, referral_code, attributes::text AS attributes,
            created_at, updated_at, deleted_at, merged_into
            """;
    /** Live contacts, for queries the partial indexes on {@code deleted_at IS NULL} serve: lists, email lookups. */
    private static final String LIVE = " AND deleted_at IS NULL";
    /**
     * Live, for a contact looked up by its primary key. Written so the planner cannot match it to the
     * partial {@code WHERE deleted_at IS NULL} indexes: before the first ANALYZE of contacts, PostgreSQL
     * guesses that 0.5 % of the rows are live, finds those indexes (contacts_created, contacts_email)
     * cheaper than the primary key, and then walks every contact of the account for one lookup. Both
     * forms mean the same; see docs/decisions.md, "Contact lookups by id use the primary key".
     */
    static final String LIVE_BY_ID = " AND (deleted_at IS NULL) IS TRUE";
    private final JdbcClient db;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final AdvisoryLocks locks;
    /** Lazily: building a contact's view reaches other features, which use this repository. */
    private final ObjectProvider<ContactEvents> events;

    Contacts(JdbcClient db, JsonMapper json, Clock clock, TransactionTemplate transaction, AdvisoryLocks locks,
             ObjectProvider<ContactEvents> events) {
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.transaction = transaction;
        this.locks = locks;
        this.events = events;
    }

    static String emailKey(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    Optional<Contact> find(AccountId account, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM contacts WHERE account_id = :account AND id = :id" + LIVE_BY_ID)
                .param("account", account.value()).param("id", id).query(this::map).optional();
    }

    /** Also deleted and merged contacts, but not erased ones (nothing is left of those). */
    Optional<Contact> findIncludingDeleted(AccountId account, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM contacts WHERE account_id = :account AND id = :id AND erased_at IS NULL")
                .param("account", account.value()).param("id", id).query(this::map).optional();
    }

    List<Contact> findAll(AccountId account, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.sql("SELECT " + COLUMNS + " FROM contacts WHERE account_id = :account AND id IN (:ids)" + LIVE_BY_ID)
                .param("account", account.value()).param("ids", ids).query(this::map).list();
    }

    Optional<Contact> findByEmail(AccountId account, String email) {
        return db.sql("SELECT " + COLUMNS + " FROM contacts WHERE account_id = :account AND email_key = :key" + LIVE)
                .param("account", account.value()).param("key", emailKey(email)).query(this::map).optional();
    }

    /** Locks live contacts for an update, in id order so that two transactions never wait on each other crosswise. */
    List<Contact> lock(AccountId account, Collection<UUID> ids) {
        return db.sql("SELECT " + COLUMNS + " FROM contacts WHERE account_id = :account AND id IN (:ids)" + LIVE_BY_ID
                        + " ORDER BY id FOR UPDATE")
                .param("account", account.value()).param("ids", ids).query(this::map).list();
    }

    /** Locks a contact that is not erased, deleted or not. */
    Optional<UUID> lockIncludingDeleted(AccountId account, UUID id) {
        return db.sql("SELECT id FROM contacts WHERE account_id = :account AND id = :id AND erased_at IS NULL FOR UPDATE")
                .param("account", account.value()).param("id", id).query(UUID.class).optional();
    }

    /**
     * Serialises everything that gives a contact this email (create, claim) until the transaction ends,
     * so "is the email free?" and "take it" cannot interleave.
     */
    void lockEmail(AccountId account, String email) {
        locks.lock("contact-email:" + account.value() + ":" + emailKey(email));
    }

    /**
     * Inserts a contact unless a live one has that email; race-safe through the unique index.
     * @return the new contact, or empty when the email was taken
     */
    Optional<Contact> insert(AccountId account, String email, boolean anonymous, String channel, String referralCode) {
        return insert(account, Ids.next(clock), email, anonymous, channel, referralCode);
    }

    Optional<Contact> insert(AccountId account, UUID id, String email, boolean anonymous, String channel,
                             String referralCode) {
        // whole seconds, as the API shows them: created_at[gt]=<a shown value> then excludes that contact
        Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        return transaction.execute(tx -> {
            lockEmail(account, email);
            return db.sql("""
                            INSERT INTO contacts (account_id, id, email, email_key, is_anonymous, channel, referral_code,
                                                  created_at, updated_at)
                            VALUES (:account, :id, :email, :key, :anonymous, :channel, :referral, :now, :now)
                            ON CONFLICT (account_id, email_key) WHERE deleted_at IS NULL DO NOTHING
                            RETURNING""" + " " + COLUMNS)
                    .param("account", account.value()).param("id", id).param("email", email.trim())
                    .param("key", emailKey(email)).param("anonymous", anonymous).param("channel", channel)
                    .param("referral", referralCode).param("now", now)
                    .query(this::map).optional()
                    .map(created -> {
                        events.getObject().created(account, created);
                        return created;
                    });
        });
    }

    List<Contact> list(AccountId account, ListQuery query, PageRequest page) {
        return db.sql("SELECT " + COLUMNS + " FROM contacts WHERE account_id = :account" + LIVE
                        + query.createdAtSql("created_at") + query.orderBySql("created_at", "id")
                        + " LIMIT :limit OFFSET :offset")
                .param("account", account.value()).params(query.parameters())
                .param("limit", page.limit()).param("offset", page.offset())
                .query(this::map).list();
    }

    long count(AccountId account, ListQuery query) {
        return db.sql("SELECT count(*) FROM contacts WHERE account_id = :account" + LIVE + query.createdAtSql("created_at"))
                .param("account", account.value()).params(query.parameters()).query(Long.class).single();
    }

    /** Sets some values and clears others in one statement, so concurrent updates of other attributes are kept. */
    Optional<Contact> updateAttributes(AccountId account, UUID id, Map<String, Object> set, Collection<String> clear) {
        return transaction.execute(tx -> db.sql("UPDATE contacts SET attributes = (attributes || CAST(:set AS jsonb)) "
                        + "- ARRAY(SELECT jsonb_array_elements_text(CAST(:clear AS jsonb))), updated_at = :now "
                        + "WHERE account_id = :account AND id = :id" + LIVE_BY_ID + " RETURNING " + COLUMNS)
                .param("set", json.writeValueAsString(set)).param("clear", json.writeValueAsString(clear))
                .param("now", Timestamp.from(clock.instant())).param("account", account.value()).param("id", id)
                .query(this::map).optional()
                .map(updated -> {
                    events.getObject().updated(account, updated, changed(set.keySet(), clear));
                    return updated;
                }));
    }

    private static List<String> changed(Collection<String> set, Collection<String> cleared) {
        List<String> changed = new ArrayList<>(set);
        changed.addAll(cleared);
        return changed;
    }

    /**
     * Adds the values the contact has none for (absent or null); stored ones win. One statement, so a
     * concurrent change of the row is seen (the update re-reads it) and never overwritten.
     */
    void addMissingAttributes(AccountId account, UUID id, Map<String, Object> values) {
        db.sql("UPDATE contacts SET attributes = CAST(:values AS jsonb) || jsonb_strip_nulls(attributes), updated_at = :now "
                        + "WHERE account_id = :account AND id = :id" + LIVE_BY_ID
                        + " AND CAST(:values AS jsonb) || jsonb_strip_nulls(attributes) <> attributes RETURNING " + COLUMNS)
                .param("values", json.writeValueAsString(values)).param("now", Timestamp.from(clock.instant()))
                .param("account", account.value()).param("id", id).query(this::map).optional()
                .ifPresent(updated -> events.getObject().updated(account, updated, values.keySet()));
    }

    void replaceAttributes(AccountId account, UUID id, Map<String, Object> attributes) {
        db.sql("UPDATE contacts SET attributes = CAST(:attributes AS jsonb), updated_at = :now "
                        + "WHERE account_id = :account AND id = :id")
                .param("attributes", json.writeValueAsString(attributes)).param("now", Timestamp.from(clock.instant()))
                .param("account", account.value()).param("id", id).update();
    }

    /** An anonymous contact becomes a real one with this email (the caller holds the email lock). */
    Contact claim(AccountId account, UUID id, String email) {
        Contact claimed = db.sql("UPDATE contacts SET email = :email, email_key = :key, is_anonymous = false, updated_at = :now "
                        + "WHERE account_id = :account AND id = :id RETURNING " + COLUMNS)
                .param("email", email.trim()).param("key", emailKey(email)).param("now", Timestamp.from(clock.instant()))
                .param("account", account.value()).param("id", id).query(this::map).single();
        events.getObject().updated(account, claimed, List.of("email"));
        return claimed;
    }

    void markMerged(AccountId account, UUID source, UUID destination) {
        db.sql("UPDATE contacts SET deleted_at = :now, updated_at = :now, merged_into = :destination "
                        + "WHERE account_id = :account AND id = :source")
                .param("now", Timestamp.from(clock.instant())).param("destination", destination)
                .param("account", account.value()).param("source", source).update();
    }

    void markDeleted(AccountId account, UUID id) {
        db.sql("UPDATE contacts SET deleted_at = coalesce(deleted_at, :now), updated_at = :now "
                        + "WHERE account_id = :account AND id = :id")
                .param("now", Timestamp.from(clock.instant())).param("account", account.value()).param("id", id).update();
    }

    /** The contact and every contact merged into it, directly or through others. */
    List<UUID> withMergedSources(AccountId account, UUID id) {
        return db.sql("""
                        WITH RECURSIVE family(id) AS (
                            SELECT CAST(:id AS uuid)
                            UNION
                            SELECT c.id FROM contacts c JOIN family f ON c.merged_into = f.id WHERE c.account_id = :account
                        )
                        SELECT id FROM family""")
                .param("id", id).param("account", account.value()).query(UUID.class).list();
    }

    /** Removes every personal value from the rows, for good; the rows stay so other features' history keeps its owner. */
    void erase(AccountId account, Collection<UUID> ids) {
        Timestamp now = Timestamp.from(clock.instant());
        db.sql("""
                        UPDATE contacts SET email = NULL, email_key = NULL, referral_code = NULL,
                            attributes = '{}'::jsonb, status = 'ERASED',
                            deleted_at = coalesce(deleted_at, :now), erased_at = :now, updated_at = :now
                        WHERE account_id = :account AND id IN (:ids)""")
                .param("now", now).param("account", account.value()).param("ids", ids).update();
    }

    private Contact map(ResultSet rs, int row) throws SQLException {
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = json.readValue(rs.getString("attributes"), Map.class);
        return new Contact(rs.getObject("id", UUID.class), rs.getLong("display_id"), rs.getString("email"),
                rs.getBoolean("is_anonymous"), rs.getString("channel"), rs.getString("status"),
                rs.getString("referral_code"), attributes, instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "deleted_at") != null, rs.getObject("merged_into", UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    record Contact(UUID id, long displayId, String email, boolean anonymous, String channel, String status,
                   String referralCode, Map<String, Object> attributes, Instant createdAt, Instant updatedAt,
                   boolean deleted, UUID mergedInto) {
    }
}
