package io.piggy.webhook;

import io.piggy.account.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhook subscriptions of an account. */
@Component
class WebhookSubscriptions {
    private static final String COLUMNS = "id, name, event_type, url, secret, status, status_reason, attributes, created_at, updated_at";
    private final JdbcClient db;

    WebhookSubscriptions(JdbcClient db) {
        this.db = db;
    }

    record Subscription(UUID id, String name, String eventType, String url, String secret, String status,
                        String statusReason, List<String> attributes, Instant createdAt, Instant updatedAt) {
    }

    Subscription create(AccountId account, Subscription s) {
        return db.sql("INSERT INTO webhook_subscriptions (account_id, " + COLUMNS + ") VALUES (:account, :id, :name, "
                        + ":eventType, :url, :secret, :status, NULL, :attributes, :now, :now) RETURNING " + COLUMNS)
                .param("account", account.value()).param("id", s.id()).param("name", s.name())
                .param("eventType", s.eventType()).param("url", s.url()).param("secret", s.secret())
                .param("status", s.status()).param("attributes", s.attributes().toArray(String[]::new))
                .param("now", Timestamp.from(s.createdAt())).query(WebhookSubscriptions::map).single();
    }

    Optional<Subscription> find(AccountId account, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE account_id = :account AND id = :id")
                .param("account", account.value()).param("id", id).query(WebhookSubscriptions::map).optional();
    }

    List<Subscription> list(AccountId account, String eventType, String status) {
        return db.sql("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE account_id = :account"
                        + " AND (CAST(:eventType AS text) IS NULL OR event_type = :eventType)"
                        + " AND (CAST(:status AS text) IS NULL OR status = :status) ORDER BY created_at, id")
                .param("account", account.value()).param("eventType", eventType).param("status", status)
                .query(WebhookSubscriptions::map).list();
    }

    /** Saves the subscription as given; a new status clears the reason and the failure streak. */
    Optional<Subscription> update(AccountId account, Subscription s, Instant now) {
        return db.sql("""
                        UPDATE webhook_subscriptions SET name = :name, url = :url, secret = :secret, attributes = :attributes,
                            status_reason = CASE WHEN status = :status THEN status_reason END,
                            failing_since = CASE WHEN status = :status THEN failing_since END,
                            status = :status, updated_at = :now
                        WHERE account_id = :account AND id = :id RETURNING\s""" + COLUMNS)
                .param("name", s.name()).param("url", s.url()).param("secret", s.secret())
                .param("attributes", s.attributes().toArray(String[]::new)).param("status", s.status())
                .param("now", Timestamp.from(now)).param("account", account.value()).param("id", s.id())
                .query(WebhookSubscriptions::map).optional();
    }

    boolean delete(AccountId account, UUID id) {
        return db.sql("DELETE FROM webhook_subscriptions WHERE account_id = :account AND id = :id")
                .param("account", account.value()).param("id", id).update() > 0;
    }

    private static Subscription map(ResultSet rs, int row) throws SQLException {
        Array attributes = rs.getArray("attributes");
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("event_type"),
                rs.getString("url"), rs.getString("secret"), rs.getString("status"), rs.getString("status_reason"),
                attributes == null ? List.of() : Arrays.asList((String[]) attributes.getArray()),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
