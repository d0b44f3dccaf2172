package io.piggy.webhook;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns new outbox events into deliveries: one per event and ACTIVE subscription of its account and
 * type that existed when the event was recorded ({@code contact_updated} only when one of the
 * subscription's attributes changed, or it names none), and marks the events handed on. Runs on
 * one worker of all instances at a time (a transaction-scoped advisory lock), in event order, so
 * deliveries of a subscription and contact are queued in the order of their events. Events past
 * the outbox's expiry are left to its retention.
 */
final class Fanout {
    /** The advisory lock's key: "webhook" in ASCII. */
    private static final long LOCK = 0x776562686f6f6bL;
    private static final String SQL = """
            WITH ev AS (
                SELECT id, uuid, account_id, event_type, contact_id, changed_attributes, created_at FROM outbox_events
                WHERE delivered_at IS NULL AND created_at > :expired ORDER BY id LIMIT :limit
            ), fan AS (
                INSERT INTO webhook_deliveries (account_id, subscription_id, event_id, event_uuid, event_type, contact_id,
                                                status, run_at, created_at)
                SELECT ev.account_id, s.id, ev.id, ev.uuid, ev.event_type, ev.contact_id, 'PENDING', :now, ev.created_at
                FROM ev JOIN webhook_subscriptions s ON s.account_id = ev.account_id AND s.event_type = ev.event_type
                    AND s.status = 'ACTIVE' AND s.created_at <= ev.created_at
                    AND (ev.event_type <> 'contact_updated' OR cardinality(s.attributes) = 0
                         OR ev.changed_attributes IS NULL OR s.attributes && ev.changed_attributes)
                ORDER BY ev.id, s.id
                RETURNING 1
            )
            UPDATE outbox_events o SET delivered_at = :now FROM ev WHERE o.id = ev.id""";

    private final JdbcClient db;
    private final Duration expiry;
    private final int limit;

    Fanout(JdbcClient db, Duration expiry, int limit) {
        this.db = db;
        this.expiry = expiry;
        this.limit = limit;
    }

    /** In the caller's transaction; does nothing while another worker fans out. @return events handed on */
    int run(Instant now) {
        boolean mine = Boolean.TRUE.equals(db.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", LOCK)
                .query(Boolean.class).single());
        if (!mine) {
            return 0;
        }
        return db.sql(SQL).param("expired", Timestamp.from(now.minus(expiry))).param("limit", limit)
                .param("now", Timestamp.from(now)).update();
    }
}
