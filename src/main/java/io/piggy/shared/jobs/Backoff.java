package io.piggy.shared.jobs;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff: the wait doubles with every failed attempt, from {@code initial} up to
 * {@code max}, and is drawn from its upper half so instances that failed together retry apart.
 */
public record Backoff(Duration initial, Duration max) {
    public Backoff {
        if (initial.toMillis() < 1 || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Backoff needs 1 ms <= initial <= max, got " + initial + " and " + max);
        }
    }

    /** How long to wait after the {@code attempts}-th failure in a row (1 for the first). */
    public Duration after(int attempts, RandomGenerator random) {
        long ceiling = ceilingMillis(attempts);
        long half = ceiling / 2;
        return Duration.ofMillis(ceiling - half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }

    /** The wait before jitter: initial · 2^(attempts − 1), at most max. */
    long ceilingMillis(int attempts) {
        long initialMillis = initial.toMillis();
        long maxMillis = max.toMillis();
        int doublings = Math.max(0, attempts - 1);
        if (doublings >= Long.numberOfLeadingZeros(initialMillis) - 1) {
            return maxMillis; // would overflow
        }
        return Math.min(maxMillis, initialMillis << doublings);
    }
}
