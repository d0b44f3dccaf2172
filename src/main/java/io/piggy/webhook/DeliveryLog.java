package io.piggy.webhook;

import io.piggy.account.AccountId;
import io.piggy.shared.events.EventHold;
import io.piggy.shared.jobs.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The deliveries' state and their log: how each attempt went, the failing streak of a subscription
 * (INACTIVE, with a reason, after {@code inactive-after} of failures without a success), listing,
 * and redelivery. Keeps the outbox events of pending deliveries from the outbox's retention.
 */
@Component
class DeliveryLog implements EventHold {
    private final JdbcClient db;
    private final Clock clock;
    private final Duration inactiveAfter;

    DeliveryLog(JdbcClient db, Clock clock, WebhookProperties properties) {
        this.db = db;
        this.clock = clock;
        this.inactiveAfter = properties.inactiveAfter();
    }

    record LoggedAttempt(Instant attemptedAt, Integer statusCode, long latencyMs, String response, String error) {
    }

    record Entry(long id, UUID eventUuid, String eventType, String status, int attempts, Instant createdAt,
                 Instant deliveredAt, Instant lastAttemptAt, String lastError, List<LoggedAttempt> log) {
    }

    /** Writes a batch's outcomes: the deliveries, their attempts, and their subscriptions' failing streaks. */
    void settle(List<Job.Settled<Delivery>> settled, Instant now) {
        int n = settled.size();
        String[] accounts = new String[n], ids = new String[n], statuses = new String[n], runAt = new String[n],
                attempts = new String[n], attemptedAt = new String[n], codes = new String[n], latencies = new String[n],
                responses = new String[n], errors = new String[n], logged = new String[n];
        for (int i = 0; i < n; i++) {
            Job.Settled<Delivery> s = settled.get(i);
            Attempt a = attempt(s.outcome());
            accounts[i] = s.item().account().toString();
            ids[i] = Long.toString(s.item().id());
            statuses[i] = switch (s.state()) {
                case DONE -> "DELIVERED";
                case FAILED -> "FAILED";
                case RETRY, RELEASED -> "PENDING";
            };
            runAt[i] = s.runAt() == null ? null : s.runAt().toString();
            attempts[i] = Integer.toString(s.attempts());
            logged[i] = Boolean.toString(a != null);
            if (a != null) {
                attemptedAt[i] = a.at().toString();
                codes[i] = a.status() == null ? null : a.status().toString();
                latencies[i] = Long.toString(a.latencyMillis());
                responses[i] = clean(a.response());
                errors[i] = clean(a.error());
            }
        }
        db.sql("""
                        WITH x AS (
                            SELECT * FROM unnest(CAST(:accounts AS uuid[]), CAST(:ids AS bigint[]), CAST(:statuses AS text[]),
                                CAST(:runAt AS timestamptz[]), CAST(:attempts AS int[]), CAST(:attemptedAt AS timestamptz[]),
                                CAST(:codes AS int[]), CAST(:latencies AS int[]), CAST(:responses AS text[]),
                                CAST(:errors AS text[]), CAST(:logged AS boolean[]))
                                AS x(account_id, id, status, run_at, attempts, attempted_at, code, latency, response, error, logged)
                        ), attempts AS (
                            INSERT INTO webhook_attempts (account_id, delivery_id, attempted_at, status_code, latency_ms, response, error)
                            SELECT x.account_id, x.id, x.attempted_at, x.code, x.latency, x.response, x.error FROM x
                            JOIN webhook_deliveries d ON d.account_id = x.account_id AND d.id = x.id -- not if its subscription was deleted meanwhile
                            WHERE x.logged
                        )
                        UPDATE webhook_deliveries d SET status = x.status, run_at = x.run_at, attempts = x.attempts,
                            last_attempt_at = coalesce(x.attempted_at, d.last_attempt_at),
                            last_error = CASE WHEN x.logged THEN x.error ELSE d.last_error END,
                            delivered_at = CASE WHEN x.status = 'DELIVERED' THEN x.attempted_at END
                        FROM x WHERE d.account_id = x.account_id AND d.id = x.id""")
                .param("accounts", accounts).param("ids", ids).param("statuses", statuses).param("runAt", runAt)
                .param("attempts", attempts).param("attemptedAt", attemptedAt).param("codes", codes)
                .param("latencies", latencies).param("responses", responses).param("errors", errors)
                .param("logged", logged).update();
        streaks(settled, now);
    }

    /**
     * A failed attempt starts its subscription's failing streak, a success ends it; a delivery given
     * up on a subscription failing longer than {@code inactive-after} switches it INACTIVE.
     */
    private void streaks(List<Job.Settled<Delivery>> settled, Instant now) {
        Map<String, List<String>> byOutcome = new LinkedHashMap<>();
        for (Job.Settled<Delivery> s : settled) {
            String key = switch (s.state()) {
                case DONE -> "ok";
                case RETRY -> "failing";
                case FAILED -> "failed";
                case RELEASED -> null;
            };
            if (key != null) {
                byOutcome.computeIfAbsent(key, k -> new ArrayList<>()).add(s.item().account() + "/" + s.item().subscription());
                if (key.equals("failed")) {
                    byOutcome.computeIfAbsent("failing", k -> new ArrayList<>()).add(s.item().account() + "/" + s.item().subscription());
                }
            }
        }
        String subscriptions = "(account_id::text || '/' || id::text) = ANY (CAST(:keys AS text[]))";
        if (byOutcome.containsKey("failing")) {
            db.sql("UPDATE webhook_subscriptions SET failing_since = :now WHERE failing_since IS NULL AND " + subscriptions)
                    .param("now", Timestamp.from(now)).param("keys", byOutcome.get("failing").toArray(String[]::new)).update();
        }
        if (byOutcome.containsKey("ok")) {
            db.sql("UPDATE webhook_subscriptions SET failing_since = NULL WHERE failing_since IS NOT NULL AND " + subscriptions)
                    .param("keys", byOutcome.get("ok").toArray(String[]::new)).update();
        }
        if (byOutcome.containsKey("failed")) {
            db.sql("UPDATE webhook_subscriptions SET status = 'INACTIVE', updated_at = :now, status_reason = "
                            + "'Deliveries failed since ' || to_char(failing_since AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                            + "|| ' without a success; the last one was given up after every retry.' "
                            + "WHERE status = 'ACTIVE' AND failing_since <= :since AND " + subscriptions)
                    .param("now", Timestamp.from(now)).param("since", Timestamp.from(now.minus(inactiveAfter)))
                    .param("keys", byOutcome.get("failed").toArray(String[]::new)).update();
        }
    }

    private static Attempt attempt(Job.Outcome outcome) {
        if (outcome instanceof Job.Outcome.Done done && done.result() instanceof Attempt a) {
            return a;
        }
        if (outcome instanceof Job.Outcome.Failed failed) {
            return failed.result() instanceof Attempt a ? a : new Attempt(Instant.now(), null, 0, null, failed.error());
        }
        return null;
    }

    /** PostgreSQL text holds no NUL. */
    private static String clean(String s) {
        return s == null ? null : s.replace("\u0000", "");
    }

    List<Entry> list(AccountId account, UUID subscription, String status, long offset, int limit) {
        List<Entry> entries = db.sql("""
                        SELECT id, event_uuid, event_type, status, attempts, created_at, delivered_at, last_attempt_at, last_error
                        FROM webhook_deliveries WHERE account_id = :account AND subscription_id = :subscription
                        AND (CAST(:status AS text) IS NULL OR status = :status)
                        ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .param("account", account.value()).param("subscription", subscription).param("status", status)
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getObject("event_uuid", UUID.class),
                        rs.getString("event_type"), rs.getString("status"), rs.getInt("attempts"),
                        rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("delivered_at")),
                        instant(rs.getTimestamp("last_attempt_at")), rs.getString("last_error"), new ArrayList<>()))
                .list();
        if (entries.isEmpty()) {
            return entries;
        }
        Map<Long, Entry> byId = new LinkedHashMap<>();
        entries.forEach(e -> byId.put(e.id(), e));
        db.sql("""
                        SELECT delivery_id, attempted_at, status_code, latency_ms, response, error FROM webhook_attempts
                        WHERE account_id = :account AND delivery_id = ANY (CAST(:ids AS bigint[])) ORDER BY attempted_at""")
                .param("account", account.value())
                .param("ids", byId.keySet().stream().map(String::valueOf).toArray(String[]::new))
                .query((rs, n) -> {
                    int code = rs.getInt("status_code");
                    byId.get(rs.getLong("delivery_id")).log().add(new LoggedAttempt(rs.getTimestamp("attempted_at").toInstant(),
                            rs.wasNull() ? null : code, rs.getLong("latency_ms"), rs.getString("response"), rs.getString("error")));
                    return null;
                }).list();
        return entries;
    }

    long count(AccountId account, UUID subscription, String status) {
        return db.sql("SELECT count(*) FROM webhook_deliveries WHERE account_id = :account AND subscription_id = :subscription "
                        + "AND (CAST(:status AS text) IS NULL OR status = :status)")
                .param("account", account.value()).param("subscription", subscription).param("status", status)
                .query(Long.class).single();
    }

    /**
     * Sends FAILED deliveries of the subscription again, each with a fresh set of attempts; only the
     * one of {@code event} when it is given. @return how many
     */
    int redeliver(AccountId account, UUID subscription, UUID event) {
        return db.sql("""
                        UPDATE webhook_deliveries SET status = 'PENDING', run_at = :now, attempts = 0
                        WHERE account_id = :account AND subscription_id = :subscription AND status = 'FAILED'
                        AND (CAST(:event AS uuid) IS NULL OR event_uuid = :event)""")
                .param("now", Timestamp.from(clock.instant())).param("account", account.value())
                .param("subscription", subscription).param("event", event).update();
    }

    @Override
    public long[] held() {
        return db.sql("SELECT DISTINCT event_id FROM webhook_deliveries WHERE run_at IS NOT NULL")
                .query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
    }

    /** The log is kept as long as the outbox keeps delivered events (7 days by default), failed ones 30 days. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT9M")
    void removeOldDeliveries() {
        Instant now = clock.instant();
        db.sql("DELETE FROM webhook_deliveries WHERE (status = 'DELIVERED' AND delivered_at < :delivered) "
                        + "OR (status = 'FAILED' AND last_attempt_at < :failed)")
                .param("delivered", Timestamp.from(now.minus(Duration.ofDays(7))))
                .param("failed", Timestamp.from(now.minus(Duration.ofDays(30)))).update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
