package io.piggy.shared.events;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the outbox small: a delivered event is deleted once it was delivered longer ago than the
 * retention ({@code piggy.events.retention}, default 7 days), an undelivered one once it is older
 * than the expiry ({@code piggy.events.expiry}, default 30 days, never shorter than the retention):
 * nobody will deliver it any more. Deletes in slices so one run never holds a huge lock set; safe on
 * every instance. An event an {@link EventHold} still needs is kept, whatever its age. Undelivered rows are walked in id order on the pending index (the oldest first),
 * so the insert path pays for no index of its own for this.
 */
@Component
class EventRetention {
    static final int SLICE = 10_000;
    private final JdbcClient db;
    private final Clock clock;
    private final Duration retention;
    private final Duration expiry;
    private final List<EventHold> holds;

    EventRetention(JdbcClient db, Clock clock,
                   @Value("${piggy.events.retention:P7D}") Duration retention,
                   @Value("${piggy.events.expiry:P30D}") Duration expiry, List<EventHold> holds) {
        this.db = db;
        this.holds = holds;
        this.clock = clock;
        this.retention = retention;
        this.expiry = expiry.compareTo(retention) < 0 ? retention : expiry;
    }

    /** @return how many events were deleted */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
    long removeOldEvents() {
        Instant now = clock.instant();
        Long[] held = holds.stream().flatMapToLong(h -> Arrays.stream(h.held())).boxed().toArray(Long[]::new);
        return deleteAll("""
                DELETE FROM outbox_events WHERE id IN (
                    SELECT id FROM outbox_events WHERE delivered_at IS NOT NULL AND delivered_at < :before
                    AND NOT (id = ANY (:held)) LIMIT :slice)""",
                now.minus(retention), held)
                + deleteAll("""
                DELETE FROM outbox_events WHERE id IN (
                    SELECT id FROM outbox_events WHERE delivered_at IS NULL AND created_at < :before AND NOT (id = ANY (:held))
                    ORDER BY id LIMIT :slice)""",
                now.minus(expiry), held);
    }

    private long deleteAll(String sql, Instant before, Long[] held) {
        long total = 0;
        int deleted;
        do {
            deleted = db.sql(sql).param("before", Timestamp.from(before)).param("held", held)
                    .param("slice", SLICE).update();
            total += deleted;
        } while (deleted == SLICE);
        return total;
    }
}
