package io.piggy.loyalty;

import io.piggy.account.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Contacts' balance rows: the balance and loyalty totals derived from the ledger, read in O(1).
 * A contact without a row has never had a transaction: everything is zero.
 */
@Repository
class Balances {
    private final JdbcClient db;

    Balances(JdbcClient db) {
        this.db = db;
    }

    /** A contact's row; {@code mergedInto} is set once the contact was merged into another. */
    record Totals(UUID contact, long balance, long totalReceived, long transactions, Instant firstAt, Instant lastAt,
                  UUID mergedInto) {
    }

    /** The contact's row; empty when it never had a transaction. */
    Optional<Totals> find(AccountId account, UUID contact) {
        return db.sql("""
                        SELECT contact_id, balance, total_received, transactions, first_at, last_at, merged_into
                        FROM contact_balances WHERE account_id = :account AND contact_id = :contact""")
                .param("account", account.value()).param("contact", contact)
                .query(Balances::totals).optional();
    }

    /** The rows of these contacts, by contact; contacts that never had a transaction are left out. */
    Map<UUID, Totals> findAll(AccountId account, Collection<UUID> contacts) {
        if (contacts.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Totals> rows = new HashMap<>();
        db.sql("""
                        SELECT contact_id, balance, total_received, transactions, first_at, last_at, merged_into
                        FROM contact_balances WHERE account_id = :account AND contact_id IN (:contacts)""")
                .param("account", account.value()).param("contacts", contacts)
                .query(Balances::totals).list().forEach(t -> rows.put(t.contact(), t));
        return rows;
    }

    long balance(AccountId account, UUID contact) {
        return db.sql("SELECT balance FROM contact_balances WHERE account_id = :account AND contact_id = :contact")
                .param("account", account.value()).param("contact", contact)
                .query(Long.class).optional().orElse(0L);
    }

    Map<UUID, Long> balances(AccountId account, Collection<UUID> contacts) {
        if (contacts.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Long> balances = new HashMap<>();
        db.sql("SELECT contact_id, balance FROM contact_balances WHERE account_id = :account AND contact_id IN (:contacts)")
                .param("account", account.value()).param("contacts", contacts)
                .query((ResultSet rs) -> {
                    balances.put(rs.getObject(1, UUID.class), rs.getLong(2));
                });
        return balances;
    }

    /**
     * The contacts whose ledger rows are this contact's history: itself and every contact merged
     * into it; none when it was merged into another itself.
     */
    List<UUID> members(AccountId account, UUID contact) {
        Optional<UUID> mergedInto = db.sql("""
                        SELECT merged_into FROM contact_balances
                        WHERE account_id = :account AND contact_id = :contact AND merged_into IS NOT NULL""")
                .param("account", account.value()).param("contact", contact).query(UUID.class).optional();
        if (mergedInto.isPresent()) {
            return List.of();
        }
        List<UUID> members = new ArrayList<>();
        members.add(contact);
        members.addAll(db.sql("SELECT contact_id FROM contact_balances WHERE account_id = :account AND merged_into = :contact")
                .param("account", account.value()).param("contact", contact).query(UUID.class).list());
        return members;
    }

    /**
     * Moves the source's balance and totals to the destination and marks the source merged, so
     * its ledger rows count for the destination from now on. Both rows are locked in id order
     * (no deadlock with another merge); writes to the source wait, then find it merged.
     * Call inside the merge transaction.
     */
    void merge(AccountId account, UUID source, UUID destination) {
        db.sql("""
                        INSERT INTO contact_balances (account_id, contact_id, balance, total_received, transactions)
                        VALUES (:account, :source, 0, 0, 0), (:account, :destination, 0, 0, 0)
                        ON CONFLICT (account_id, contact_id) DO NOTHING""")
                .param("account", account.value()).param("source", source).param("destination", destination).update();
        Map<UUID, Totals> rows = new HashMap<>();
        db.sql("""
                        SELECT contact_id, balance, total_received, transactions, first_at, last_at, merged_into
                        FROM contact_balances WHERE account_id = :account AND contact_id IN (:source, :destination)
                        ORDER BY contact_id FOR UPDATE""")
                .param("account", account.value()).param("source", source).param("destination", destination)
                .query(Balances::totals).list().forEach(t -> rows.put(t.contact(), t));
        Totals from = rows.get(source);
        Totals into = rows.get(destination);
        if (into.mergedInto() != null) {
            throw new IllegalStateException("Contact " + destination + " was merged into " + into.mergedInto());
        }
        if (from.mergedInto() != null) {
            if (from.mergedInto().equals(destination)) {
                return; // merged already: nothing left to move
            }
            throw new IllegalStateException("Contact " + source + " was merged into " + from.mergedInto());
        }
        db.sql("""
                        UPDATE contact_balances
                        SET balance = balance + :balance, total_received = total_received + :received,
                            transactions = transactions + :transactions,
                            first_at = LEAST(first_at, CAST(:first AS timestamptz)),
                            last_at = GREATEST(last_at, CAST(:last AS timestamptz))
                        WHERE account_id = :account AND contact_id = :destination""")
                .param("balance", from.balance()).param("received", from.totalReceived())
                .param("transactions", from.transactions())
                .param("first", from.firstAt() == null ? null : Timestamp.from(from.firstAt()))
                .param("last", from.lastAt() == null ? null : Timestamp.from(from.lastAt()))
                .param("account", account.value()).param("destination", destination).update();
        db.sql("""
                        UPDATE contact_balances
                        SET balance = 0, total_received = 0, transactions = 0, first_at = NULL, last_at = NULL,
                            merged_into = :destination
                        WHERE account_id = :account AND (contact_id = :source OR merged_into = :source)""")
                .param("destination", destination).param("account", account.value()).param("source", source).update();
    }

    /** A contact whose balance row disagrees with its ledger. */
    record Difference(UUID contact, Totals stored, Totals ledger) {
    }

    /** Recomputes every balance row of the account from the ledger; answers the rows that differ. */
    List<Difference> audit(AccountId account) {
        return db.sql("""
                        WITH ledger AS (
                            SELECT COALESCE(b.merged_into, l.contact_id) AS contact_id, sum(l.credits) AS balance,
                                   COALESCE(sum(l.credits) FILTER (WHERE l.type = 'credit_reception'
                                                                    AND l.reward_id IS NULL), 0) AS total_received,
                                   count(*) AS transactions, min(l.created_at) AS first_at, max(l.created_at) AS last_at
                            FROM loyalty_transactions l
                            LEFT JOIN contact_balances b ON b.account_id = l.account_id AND b.contact_id = l.contact_id
                                                         AND b.merged_into IS NOT NULL
                            WHERE l.account_id = :account
                            GROUP BY 1
                        ), stored AS (
                            SELECT * FROM contact_balances WHERE account_id = :account
                        )
                        SELECT COALESCE(s.contact_id, l.contact_id) AS contact,
                               s.balance, s.total_received, s.transactions, s.first_at, s.last_at, s.merged_into,
                               l.balance AS l_balance, l.total_received AS l_total_received,
                               l.transactions AS l_transactions, l.first_at AS l_first_at, l.last_at AS l_last_at
                        FROM stored s FULL JOIN ledger l ON l.contact_id = s.contact_id
                        WHERE COALESCE(s.balance, 0) <> COALESCE(l.balance, 0)
                           OR COALESCE(s.total_received, 0) <> COALESCE(l.total_received, 0)
                           OR COALESCE(s.transactions, 0) <> COALESCE(l.transactions, 0)
                           OR s.first_at IS DISTINCT FROM l.first_at
                           OR s.last_at IS DISTINCT FROM l.last_at
                        ORDER BY 1""")
                .param("account", account.value())
                .query((rs, n) -> {
                    UUID contact = rs.getObject("contact", UUID.class);
                    return new Difference(contact,
                            new Totals(contact, rs.getLong("balance"), rs.getLong("total_received"),
                                    rs.getLong("transactions"), instant(rs, "first_at"), instant(rs, "last_at"),
                                    rs.getObject("merged_into", UUID.class)),
                            new Totals(contact, rs.getLong("l_balance"), rs.getLong("l_total_received"),
                                    rs.getLong("l_transactions"), instant(rs, "l_first_at"), instant(rs, "l_last_at"),
                                    null));
                }).list();
    }

    long contactCount(AccountId account) {
        return db.sql("SELECT count(*) FROM contact_balances WHERE account_id = :account")
                .param("account", account.value()).query(Long.class).single();
    }

    private static Totals totals(ResultSet rs, int row) throws SQLException {
        return new Totals(rs.getObject("contact_id", UUID.class), rs.getLong("balance"), rs.getLong("total_received"),
                rs.getLong("transactions"), instant(rs, "first_at"), instant(rs, "last_at"),
                rs.getObject("merged_into", UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
