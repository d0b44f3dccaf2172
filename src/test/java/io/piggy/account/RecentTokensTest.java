package io.piggy.account;

import io.piggy.shared.auth.Secrets;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RecentTokensTest {
    private static final byte[] HASH = Secrets.hash("piggy_token");
    private static final AccessTokens.Holder HOLDER = new AccessTokens.Holder(UUID.randomUUID(), HASH, (Instant) null);

    @Test
    void aLiveTokenIsReadOnceWithinTheTtl() {
        RecentTokens recent = new RecentTokens(Duration.ofMinutes(1));
        AtomicInteger reads = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertThat(recent.get(HASH, () -> {
                reads.incrementAndGet();
                return Optional.of(HOLDER);
            })).contains(HOLDER);
        }
        assertThat(reads).hasValue(1);
    }

    @Test
    void anUnknownTokenIsNeverKept() {
        RecentTokens recent = new RecentTokens(Duration.ofMinutes(1));
        AtomicInteger reads = new AtomicInteger();
        recent.get(HASH, () -> {
            reads.incrementAndGet();
            return Optional.empty();
        });
        assertThat(recent.get(HASH, () -> {
            reads.incrementAndGet();
            return Optional.of(HOLDER);
        })).contains(HOLDER);
        assertThat(reads).hasValue(2);
    }

    @Test
    void afterTheTtlTheDatabaseDecidesAgain() throws Exception {
        RecentTokens recent = new RecentTokens(Duration.ofMillis(50));
        recent.get(HASH, () -> Optional.of(HOLDER));
        Thread.sleep(80);
        assertThat(recent.get(HASH, Optional::empty)).as("revoked elsewhere meanwhile").isEmpty();
    }

    @Test
    void anEvictionDuringAReadKeepsThatReadOut() {
        RecentTokens recent = new RecentTokens(Duration.ofMinutes(1));
        // the read saw the row before the revocation committed; the revocation evicted meanwhile
        assertThat(recent.get(HASH, () -> {
            recent.evict(HASH);
            return Optional.of(HOLDER);
        })).contains(HOLDER);
        assertThat(recent.get(HASH, Optional::empty)).as("the stale read was not kept").isEmpty();
    }

    @Test
    void noTtlMeansNoCache() {
        RecentTokens recent = new RecentTokens(Duration.ZERO);
        recent.get(HASH, () -> Optional.of(HOLDER));
        assertThat(recent.get(HASH, Optional::empty)).isEmpty();
    }
}
