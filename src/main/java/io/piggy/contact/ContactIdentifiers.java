package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.db.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Contact identifiers: values unique per account, each linked to at most one contact. */
@Repository
class ContactIdentifiers {
    /** The identifier with its contact's email, and whether it is the contact's default (its oldest link). */
    private static final String SELECT = """
            SELECT i.id, i.value, i.name, i.active, i.contact_id, c.email AS contact_email,
                   i.contact_id IS NOT NULL AND i.id = (
                       SELECT d.id FROM contact_identifiers d
                       WHERE d.account_id = i.account_id AND d.contact_id = i.contact_id
                       ORDER BY d.linked_at, d.id LIMIT 1) AS is_default
            FROM contact_identifiers i
            LEFT JOIN contacts c ON c.account_id = i.account_id AND c.id = i.contact_id
            """;
    private final JdbcClient db;
    private final Clock clock;

    ContactIdentifiers(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    record Identifier(UUID id, String value, String name, boolean active, UUID contactId, String contactEmail,
                      boolean isDefault) {
    }

    Optional<Identifier> find(AccountId account, String value) {
        return db.sql(SELECT + " WHERE i.account_id = :account AND i.value = :value")
                .param("account", account.value()).param("value", value).query(this::map).optional();
    }

    List<Identifier> ofContact(AccountId account, UUID contact) {
        return db.sql(SELECT + " WHERE i.account_id = :account AND i.contact_id = :contact ORDER BY i.linked_at, i.id")
                .param("account", account.value()).param("contact", contact).query(this::map).list();
    }

    /** @return false when the account already has this value */
    boolean insert(AccountId account, String value, String name, UUID contact) {
        Timestamp now = Timestamp.from(clock.instant());
        return db.sql("""
                        INSERT INTO contact_identifiers (account_id, id, value, name, contact_id, linked_at, created_at, updated_at)
                        VALUES (:account, :id, :value, :name, :contact, :linked, :now, :now)
                        ON CONFLICT (account_id, value) DO NOTHING""")
                .param("account", account.value()).param("id", Ids.next(clock)).param("value", value)
                .param("name", name).param("contact", contact).param("linked", contact == null ? null : now)
                .param("now", now).update() == 1;
    }

    /** Links an active identifier that is free or already this contact's; false otherwise. */
    boolean link(AccountId account, String value, UUID contact) {
        Timestamp now = Timestamp.from(clock.instant());
        return db.sql("""
                        UPDATE contact_identifiers
                        SET contact_id = :contact, linked_at = CASE WHEN contact_id = :contact THEN linked_at ELSE :now END,
                            updated_at = :now
                        WHERE account_id = :account AND value = :value AND active
                          AND (contact_id IS NULL OR contact_id = :contact)""")
                .param("contact", contact).param("now", now).param("account", account.value()).param("value", value)
                .update() == 1;
    }

    void unlink(AccountId account, String value) {
        unlinkWhere(account, "value", value);
    }

    void update(AccountId account, String value, String name, Boolean active) {
        db.sql("""
                        UPDATE contact_identifiers SET name = coalesce(:name, name), active = coalesce(:active, active),
                            updated_at = :now
                        WHERE account_id = :account AND value = :value""")
                .param("name", name).param("active", active).param("now", Timestamp.from(clock.instant()))
                .param("account", account.value()).param("value", value).update();
    }

    boolean delete(AccountId account, String value) {
        return db.sql("DELETE FROM contact_identifiers WHERE account_id = :account AND value = :value")
                .param("account", account.value()).param("value", value).update() == 1;
    }

    /** Merge: the source's identifiers go to the destination, after the destination's own (its default stays). */
    void moveAll(AccountId account, UUID source, UUID destination) {
        db.sql("""
                        UPDATE contact_identifiers SET contact_id = :destination, linked_at = :now, updated_at = :now
                        WHERE account_id = :account AND contact_id = :source""")
                .param("destination", destination).param("now", Timestamp.from(clock.instant()))
                .param("account", account.value()).param("source", source).update();
    }

    /** A deleted contact lets go of its identifiers, so they can be linked to someone else. */
    void unlinkAll(AccountId account, UUID contact) {
        unlinkWhere(account, "contact_id", contact);
    }

    private void unlinkWhere(AccountId account, String column, Object value) {
        db.sql("UPDATE contact_identifiers SET contact_id = NULL, linked_at = NULL, updated_at = :now "
                        + "WHERE account_id = :account AND " + column + " = :value")
                .param("now", Timestamp.from(clock.instant())).param("account", account.value()).param("value", value)
                .update();
    }

    void deleteAll(AccountId account, Collection<UUID> contacts) {
        db.sql("DELETE FROM contact_identifiers WHERE account_id = :account AND contact_id IN (:contacts)")
                .param("account", account.value()).param("contacts", contacts).update();
    }

    private Identifier map(ResultSet rs, int row) throws SQLException {
        return new Identifier(rs.getObject("id", UUID.class), rs.getString("value"), rs.getString("name"),
                rs.getBoolean("active"), rs.getObject("contact_id", UUID.class), rs.getString("contact_email"),
                rs.getBoolean("is_default"));
    }
}
