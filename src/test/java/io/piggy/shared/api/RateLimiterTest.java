package io.piggy.shared.api;

import io.piggy.support.StepClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {
    private final StepClock clock = new StepClock(Instant.parse("2026-01-01T10:00:10Z"));

    @Test
    void limitsEachCallerPerMinute() {
        RateLimiter limiter = new RateLimiter(2, clock);
        assertThat(limiter.acquire("a").remaining()).isEqualTo(1);
        assertThat(limiter.acquire("a").allowed()).isTrue();
        RateLimiter.Decision third = limiter.acquire("a");
        assertThat(third.allowed()).isFalse();
        assertThat(third.remaining()).isZero();
        assertThat(third.retryAfterSeconds()).isEqualTo(50);
        assertThat(limiter.acquire("b").allowed()).as("other callers are not affected").isTrue();

        clock.advance(Duration.ofMillis(50_000));
        assertThat(limiter.acquire("a").allowed()).as("a new minute starts afresh").isTrue();
    }

    @Test
    void pastItsBoundNewCallersShareOneWindow() {
        RateLimiter limiter = new RateLimiter(2, clock, 3);
        for (String caller : List.of("a", "b", "c")) {
            assertThat(limiter.acquire(caller).allowed()).isTrue();
        }
        assertThat(limiter.acquire("d").allowed()).isTrue();
        assertThat(limiter.acquire("e").allowed()).isTrue();
        assertThat(limiter.acquire("f").allowed()).as("d, e and f share the overflow window").isFalse();
        assertThat(limiter.acquire("a").allowed()).as("callers with a window keep it").isTrue();
        assertThat(limiter.callers()).isEqualTo(4);
    }
}
