package io.piggy.shared.db;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {
    @Test
    void version7AndTimeOrdered() {
        UUID early = Ids.next(1_000_000L);
        UUID late = Ids.next(2_000_000L);
        assertThat(early.version()).isEqualTo(7);
        assertThat(early.variant()).isEqualTo(2);
        assertThat(early.toString().compareTo(late.toString())).isNegative();
        assertThat(early.getMostSignificantBits() >>> 16).isEqualTo(1_000_000L);
    }

    @Test
    void unique() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(Ids.next())).isTrue();
        }
    }
}
