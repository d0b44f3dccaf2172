package io.piggy.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * A claimed delivery with what its attempt needs. {@code payload} is null when the event is no
 * longer stored; {@code subscriptionStatus} is read at the claim, so an INACTIVE subscription sends nothing.
 */
record Delivery(UUID account, long id, int attempts, UUID subscription, String subscriptionStatus, String url,
                String secret, UUID eventUuid, String eventType, String payload, Instant eventCreatedAt) {
}
