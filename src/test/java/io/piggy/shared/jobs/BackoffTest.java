package io.piggy.shared.jobs;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void theWaitDoublesPerAttemptUpToTheMaximum() {
        assertThat(backoff.ceilingMillis(1)).isEqualTo(1_000);
        assertThat(backoff.ceilingMillis(2)).isEqualTo(2_000);
        assertThat(backoff.ceilingMillis(5)).isEqualTo(16_000);
        assertThat(backoff.ceilingMillis(9)).isEqualTo(256_000);
        assertThat(backoff.ceilingMillis(10)).isEqualTo(300_000);
        assertThat(backoff.ceilingMillis(Integer.MAX_VALUE)).as("no overflow").isEqualTo(300_000);
    }

    @Test
    void theWaitIsDrawnFromTheUpperHalf() {
        RandomGenerator random = new SplittableRandom(7);
        for (int attempts = 1; attempts <= 40; attempts++) {
            long ceiling = backoff.ceilingMillis(attempts);
            for (int i = 0; i < 100; i++) {
                assertThat(backoff.after(attempts, random).toMillis()).isBetween(ceiling / 2, ceiling);
            }
        }
        assertThat(new Backoff(Duration.ofMillis(1), Duration.ofMillis(1)).after(3, random)).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void aBackoffNeedsAPositiveStartBelowItsMaximum() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
