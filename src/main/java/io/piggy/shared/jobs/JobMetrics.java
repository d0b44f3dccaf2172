package io.piggy.shared.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A job's meters, tagged {@code job}: {@code piggy.jobs.queued} (items not yet settled),
 * {@code piggy.jobs.running} (in this instance), {@code piggy.jobs.oldest.due.age} (seconds the
 * oldest due item waits), {@code piggy.jobs.items} by {@code outcome} (done, retry, failed,
 * released) and {@code piggy.jobs.batch} (time to run a batch). The queue figures are read from the
 * table at most once a second, when scraped.
 */
final class JobMetrics {
    private static final Duration FRESH = Duration.ofSeconds(1);
    private final JdbcClient db;
    private final Clock clock;
    private final String statsSql;
    private final AtomicInteger running = new AtomicInteger();
    private final Map<Job.State, Counter> settled = new EnumMap<>(Job.State.class);
    private final Timer batch;
    private volatile Stats stats = new Stats(0, 0, Instant.MIN);

    private record Stats(long queued, double oldestDueSeconds, Instant readAt) {
    }

    JobMetrics(String job, String table, JdbcClient db, Clock clock, MeterRegistry registry) {
        this.db = db;
        this.clock = clock;
        this.statsSql = "SELECT count(*) AS queued, min(run_at) FILTER (WHERE run_at <= :now) AS oldest FROM "
                + table + " WHERE run_at IS NOT NULL";
        Gauge.builder("piggy.jobs.queued", this, m -> m.stats().queued()).tag("job", job)
                .description("Items not yet settled").register(registry);
        Gauge.builder("piggy.jobs.oldest.due.age", this, m -> m.stats().oldestDueSeconds()).tag("job", job)
                .baseUnit("seconds").description("How long the oldest due item has waited").register(registry);
        Gauge.builder("piggy.jobs.running", running, AtomicInteger::get).tag("job", job)
                .description("Items being run in this instance").register(registry);
        for (Job.State state : Job.State.values()) {
            settled.put(state, Counter.builder("piggy.jobs.items").tag("job", job)
                    .tag("outcome", state.name().toLowerCase()).register(registry));
        }
        batch = Timer.builder("piggy.jobs.batch").tag("job", job).register(registry);
    }

    void running(int delta) {
        running.addAndGet(delta);
    }

    void ran(long nanos) {
        batch.record(nanos, TimeUnit.NANOSECONDS);
    }

    void settled(Job.State state) {
        settled.get(state).increment();
    }

    private Stats stats() {
        Instant now = clock.instant();
        Stats current = stats;
        if (current.readAt().plus(FRESH).isAfter(now)) {
            return current;
        }
        try {
            current = db.sql(statsSql).param("now", Timestamp.from(now)).query((rs, n) -> {
                Timestamp oldest = rs.getTimestamp("oldest");
                return new Stats(rs.getLong("queued"),
                        oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0), now);
            }).single();
        } catch (RuntimeException e) {
            current = new Stats(current.queued(), current.oldestDueSeconds(), now); // database away: last figures
        }
        stats = current;
        return current;
    }
}
