package io.piggy.shared.api;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed one-minute window per caller, kept in this instance's memory. With several instances
 * each enforces the limit on its own share of the traffic (see docs/decisions.md).
 */
public class RateLimiter {
    private final long limit;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long lastSweepMinute;

    public RateLimiter(long limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    public record Decision(boolean allowed, long limit, long remaining, long retryAfterSeconds) {
    }

    private record Window(long minute, AtomicLong used) {
    }

    public Decision acquire(String caller) {
        long nowMillis = clock.millis();
        long minute = nowMillis / 60_000;
        sweep(minute);
        Window window = windows.compute(caller, (k, w) -> w == null || w.minute() != minute
                ? new Window(minute, new AtomicLong()) : w);
        long used = window.used().incrementAndGet();
        long retryAfter = Math.max(1, ((minute + 1) * 60_000 - nowMillis + 999) / 1000);
        return new Decision(used <= limit, limit, Math.max(0, limit - used), retryAfter);
    }

    /** Forget callers of earlier minutes, so memory stays bounded by the callers of one minute. */
    private void sweep(long minute) {
        if (lastSweepMinute != minute) {
            lastSweepMinute = minute;
            windows.entrySet().removeIf(e -> e.getValue().minute() < minute);
        }
    }
}
