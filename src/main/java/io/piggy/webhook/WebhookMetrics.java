package io.piggy.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.piggy.shared.jobs.Job;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code piggy.webhook.deliveries} by outcome (delivered, retry, failed), {@code piggy.webhook.attempt}
 * (latency of one POST), {@code piggy.webhook.event.to.delivery} (seconds from the event to an
 * attempt's end), {@code piggy.webhook.backlog} (pending deliveries plus events not yet fanned out)
 * and {@code piggy.webhook.oldest.pending.age} (seconds), the last two read at most once a second.
 */
final class WebhookMetrics {
    private final Map<Job.State, Counter> outcomes = new EnumMap<>(Job.State.class);
    private final Timer attempt;
    private final DistributionSummary eventToDelivery;
    private final JdbcClient db;
    private final Clock clock;
    private final Duration expiry;
    private volatile Backlog backlog = new Backlog(0, 0, Instant.MIN);

    private record Backlog(long size, double oldestSeconds, Instant readAt) {
    }

    WebhookMetrics(MeterRegistry registry, JdbcClient db, Clock clock, Duration expiry) {
        this.db = db;
        this.clock = clock;
        this.expiry = expiry;
        for (Job.State state : new Job.State[]{Job.State.DONE, Job.State.RETRY, Job.State.FAILED}) {
            outcomes.put(state, Counter.builder("piggy.webhook.deliveries")
                    .tag("outcome", state == Job.State.DONE ? "delivered" : state.name().toLowerCase()).register(registry));
        }
        attempt = Timer.builder("piggy.webhook.attempt").description("One POST to a receiver").register(registry);
        eventToDelivery = DistributionSummary.builder("piggy.webhook.event.to.delivery").baseUnit("seconds")
                .publishPercentiles(0.5, 0.99).register(registry);
        Gauge.builder("piggy.webhook.backlog", this, m -> m.backlog().size()).register(registry);
        Gauge.builder("piggy.webhook.oldest.pending.age", this, m -> m.backlog().oldestSeconds()).baseUnit("seconds")
                .register(registry);
    }

    void attempted(Attempt a, Instant eventCreatedAt, Instant now) {
        attempt.record(a.latencyMillis(), TimeUnit.MILLISECONDS);
        eventToDelivery.record(Duration.between(eventCreatedAt, now).toMillis() / 1000.0);
    }

    void settled(Job.State state) {
        Counter c = outcomes.get(state);
        if (c != null) {
            c.increment();
        }
    }

    private Backlog backlog() {
        Instant now = clock.instant();
        Backlog current = backlog;
        if (current.readAt().plusSeconds(1).isAfter(now)) {
            return current;
        }
        try {
            current = db.sql("""
                            SELECT (SELECT count(*) FROM webhook_deliveries WHERE run_at IS NOT NULL)
                                 + (SELECT count(*) FROM outbox_events WHERE delivered_at IS NULL AND created_at > :expired) AS size,
                                   least((SELECT min(created_at) FROM webhook_deliveries WHERE run_at IS NOT NULL),
                                         (SELECT created_at FROM outbox_events WHERE delivered_at IS NULL AND created_at > :expired
                                          ORDER BY id LIMIT 1)) AS oldest""")
                    .param("expired", Timestamp.from(now.minus(expiry))).query((rs, n) -> {
                        Timestamp oldest = rs.getTimestamp("oldest");
                        return new Backlog(rs.getLong("size"), oldest == null ? 0
                                : Math.max(0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0), now);
                    }).single();
        } catch (RuntimeException e) {
            current = new Backlog(current.size(), current.oldestSeconds(), now);
        }
        backlog = current;
        return current;
    }
}
