package io.piggy.contact;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TierServiceTest {
    static final Tier BRONZE = new Tier(UUID.randomUUID(), 1, "Bronze", null, 1, 0);
    static final Tier SILVER = new Tier(UUID.randomUUID(), 2, "Silver", null, 2, 100);
    static final Tier GOLD = new Tier(UUID.randomUUID(), 3, "Gold", null, 3, 1000);

    @Test
    void theHighestReachedThresholdWins() {
        List<Tier> tiers = List.of(BRONZE, SILVER, GOLD);
        assertThat(TierService.tierFor(tiers, 0)).contains(BRONZE);
        assertThat(TierService.tierFor(tiers, 99)).contains(BRONZE);
        assertThat(TierService.tierFor(tiers, 100)).contains(SILVER);
        assertThat(TierService.tierFor(tiers, 5000)).contains(GOLD);
        assertThat(TierService.tierFor(List.of(SILVER, GOLD), 50)).isEmpty();
        assertThat(TierService.tierFor(List.of(), 50)).isEmpty();
    }
}
