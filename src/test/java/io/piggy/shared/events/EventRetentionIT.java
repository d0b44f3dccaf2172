package io.piggy.shared.events;

import io.piggy.support.ApiIT;
import io.piggy.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Delivered events go after the retention (7 days), undelivered ones after the expiry (30 days). */
class EventRetentionIT extends ApiIT {
    @Autowired
    EventRetention retention;

    @Test
    void removesDeliveredAfterTheRetentionAndUndeliveredAfterTheExpiry() throws Exception {
        TestAccount account = newAccount("Event retention");
        Instant now = Instant.now();
        insert(account, "delivered-8d-ago", now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
        insert(account, "delivered-6d-ago", now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(6)));
        insert(account, "delivered-just-now", now.minus(Duration.ofMinutes(1)), now);
        insert(account, "undelivered-31d", now.minus(Duration.ofDays(31)), null);
        insert(account, "undelivered-29d", now.minus(Duration.ofDays(29)), null);
        insert(account, "undelivered-new", now, null);

        assertThat(retention.removeOldEvents()).isGreaterThanOrEqualTo(2);

        assertThat(remaining(account)).containsExactly("delivered-6d-ago", "delivered-just-now", "undelivered-29d",
                "undelivered-new");
        retention.removeOldEvents();
        assertThat(remaining(account)).as("a second run keeps the same").hasSize(4);
    }

    @Test
    void keepsAnEventWhoseWebhookDeliveryIsStillPending() throws Exception {
        TestAccount account = newAccount("Event retention hold");
        Instant now = Instant.now();
        insert(account, "delivered-8d-ago-but-retried", now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
        try (Connection c = DriverManager.getConnection(TestDatabase.jdbcUrl())) {
            c.createStatement().execute("INSERT INTO webhook_subscriptions (account_id, id, name, event_type, url, status, "
                    + "created_at, updated_at) VALUES ('" + account.uuid() + "', gen_random_uuid(), 'hold', 'x', "
                    + "'https://example.com', 'ACTIVE', now(), now())");
            c.createStatement().execute("INSERT INTO webhook_deliveries (account_id, subscription_id, event_id, event_uuid, "
                    + "event_type, status, run_at, created_at) SELECT o.account_id, s.id, o.id, o.uuid, o.event_type, 'PENDING', "
                    + "now() + interval '1 hour', o.created_at FROM outbox_events o JOIN webhook_subscriptions s "
                    + "ON s.account_id = o.account_id WHERE o.account_id = '" + account.uuid() + "'");
        }
        retention.removeOldEvents();
        assertThat(remaining(account)).as("a retry will read it").containsExactly("delivered-8d-ago-but-retried");

        try (Connection c = DriverManager.getConnection(TestDatabase.jdbcUrl())) {
            c.createStatement().execute("UPDATE webhook_deliveries SET status = 'DELIVERED', run_at = NULL "
                    + "WHERE account_id = '" + account.uuid() + "'");
        }
        retention.removeOldEvents();
        assertThat(remaining(account)).as("settled: nothing holds it").isEmpty();
    }

    private static void insert(TestAccount account, String name, Instant created, Instant delivered) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabase.jdbcUrl());
             PreparedStatement s = c.prepareStatement("INSERT INTO outbox_events (account_id, event_type, payload, "
                     + "created_at, delivered_at) VALUES (?::uuid, ?, '{}'::jsonb, ?, ?)")) {
            s.setString(1, account.uuid());
            s.setString(2, name);
            s.setTimestamp(3, Timestamp.from(created));
            s.setTimestamp(4, delivered == null ? null : Timestamp.from(delivered));
            s.executeUpdate();
        }
    }

    private static List<String> remaining(TestAccount account) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(TestDatabase.jdbcUrl());
             PreparedStatement s = c.prepareStatement(
                     "SELECT event_type FROM outbox_events WHERE account_id = ?::uuid ORDER BY id")) {
            s.setString(1, account.uuid());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
