package io.piggy.loyalty;

import java.util.UUID;

/** What collecting or reversing a collectable reward answers: {uuid, status: COLLECTED|REVERSED}. */
record CollectableRewardStatusResponse(UUID uuid, String status) {
}
