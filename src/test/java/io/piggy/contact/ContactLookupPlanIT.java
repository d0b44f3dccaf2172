package io.piggy.contact;

import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contact lookups by id use the primary key even before PostgreSQL has statistics for contacts (a
 * fresh install, the first minutes after an import). Without them it guesses that 0.5 % of contacts
 * are live, and a lookup that says {@code deleted_at IS NULL} then walks a partial index over every
 * contact of the account: that halved the credit reception rate (docs/decisions.md).
 */
class ContactLookupPlanIT extends ApiIT {
    private static final UUID ACCOUNT = UUID.randomUUID();

    @Test
    void lookupsByIdUseThePrimaryKeyBeforeTheFirstAnalyze() throws SQLException {
        try (Connection c = TestSql.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // A temporary twin of contacts, with its indexes, shadows the table on this connection;
                // autovacuum never analyzes temporary tables, so it stays without statistics.
                s.execute("CREATE TEMP TABLE contacts (LIKE public.contacts INCLUDING ALL) ON COMMIT DROP");
                s.execute("INSERT INTO contacts (account_id, id, email, email_key, channel, created_at, updated_at) "
                        + "SELECT '" + ACCOUNT + "', gen_random_uuid(), 'c' || g || '@example.com', "
                        + "'c' || g || '@example.com', 'api', now() + g * interval '1 ms', now() "
                        + "FROM generate_series(1, 5000) g");
            }
            String contact = one(c, "SELECT id FROM contacts ORDER BY created_at OFFSET 2500 LIMIT 1");

            // The trap is real here: the plain liveness test picks a partial index.
            assertThat(plan(c, "SELECT email FROM contacts WHERE account_id = :account AND id = :contact"
                    + " AND deleted_at IS NULL", contact)).doesNotContain("contacts_pkey");
            assertThat(plan(c, ContactDirectory.LIVE_CONTACT_EMAIL_SQL, contact)).contains("contacts_pkey");
            assertThat(plan(c, "SELECT email FROM contacts WHERE account_id = :account AND id = :contact"
                    + Contacts.LIVE_BY_ID, contact)).contains("contacts_pkey");
            c.rollback();
        }
    }

    private static String plan(Connection c, String sql, String contact) throws SQLException {
        String explain = "EXPLAIN " + sql.replace(":account", "'" + ACCOUNT + "'::uuid")
                .replace(":contact", "'" + contact + "'::uuid");
        StringBuilder plan = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(explain)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
