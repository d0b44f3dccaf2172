package io.piggy.shared.api;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(Instant.parse("2026-01-01T10:00:10Z").toEpochMilli());
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

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

        now.addAndGet(50_000);
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
