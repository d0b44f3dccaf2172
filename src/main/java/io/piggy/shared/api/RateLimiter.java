package io.piggy.shared.api;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed one-minute window per caller, kept in this instance's memory. With several instances
 * each enforces the limit on its own share of the traffic (see docs/decisions.md).
 */
public class RateLimiter {
    /** Callers one minute may hold; past it new callers share one window, so memory has a bound. */
    static final int MAX_CALLERS = 100_000;
    static final String OVERFLOW = "overflow";
    private final long limit;
    private final int maxCallers;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long lastSweepMinute;

    public RateLimiter(long limit, Clock clock) {
        this(limit, clock, MAX_CALLERS);
    }

    RateLimiter(long limit, Clock clock, int maxCallers) {
        this.limit = limit;
        this.clock = clock;
        this.maxCallers = maxCallers;
    }

    public record Decision(boolean allowed, long limit, long remaining, long retryAfterSeconds) {
    }

    private record Window(long minute, AtomicLong used) {
    }

    public Decision acquire(String caller) {
        long nowMillis = clock.millis();
        long minute = nowMillis / 60_000;
        sweep(minute);
        String key = windows.size() >= maxCallers && !windows.containsKey(caller) ? OVERFLOW : caller;
        Window window = windows.compute(key, (k, w) -> w == null || w.minute() != minute
                ? new Window(minute, new AtomicLong()) : w);
        return decision(window.used().incrementAndGet(), nowMillis);
    }

    /** What {@link #acquire} would answer, without counting the request or making a window. */
    public Decision peek(String caller) {
        long nowMillis = clock.millis();
        long minute = nowMillis / 60_000;
        Window window = windows.get(caller);
        return decision((window == null || window.minute() != minute ? 0 : window.used().get()) + 1, nowMillis);
    }

    /** The answer for the {@code used}-th request of the minute at {@code nowMillis}. */
    private Decision decision(long used, long nowMillis) {
        long retryAfter = Math.max(1, ((nowMillis / 60_000 + 1) * 60_000 - nowMillis + 999) / 1000);
        return new Decision(used <= limit, limit, Math.max(0, limit - used), retryAfter);
    }

    int callers() {
        return windows.size();
    }

    /** Forget callers of earlier minutes, so memory stays bounded by the callers of one minute. */
    private void sweep(long minute) {
        if (lastSweepMinute != minute) {
            lastSweepMinute = minute;
            windows.entrySet().removeIf(e -> e.getValue().minute() < minute);
        }
    }
}
