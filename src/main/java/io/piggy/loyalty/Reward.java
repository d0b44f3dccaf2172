package io.piggy.loyalty;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A reward as stored. {@code stock} null is unlimited; {@code limitPerContact} null is no limit.
 * {@code freeCodes} is set for a DIGITAL reward with a code pool: its free codes are its stock.
 * {@code expirationDuration} (seconds, null: never) is how long a reception of it can be collected.
 */
record Reward(UUID id, long displayId, String title, String description, long requiredCredits, String rewardType,
              Long stock, Long freeCodes, boolean active, Long limitPerContact, Long expirationDuration,
              Media media, Map<String, Object> attributes, Instant createdAt, Instant updatedAt) {
    static final String PHYSICAL = "PHYSICAL";
    static final String DIGITAL = "DIGITAL";

    /** Piggy's {type, value} media object, e.g. {"type":"image","value":"https://…/cup.png"}. */
    record Media(String type, String value) {
    }

    boolean digital() {
        return DIGITAL.equals(rewardType);
    }

    /** A DIGITAL reward that has codes (free or handed out): each reception takes one. */
    boolean pooled() {
        return freeCodes != null;
    }

    /** What is left to claim: the free codes of a pool, else the stock (null: unlimited). */
    Long available() {
        return pooled() ? freeCodes : stock;
    }

    /** The reward as it is after one more reception (what the reception answers). */
    Reward afterOneTaken() {
        if (available() == null) {
            return this;
        }
        Long left = Math.max(0, available() - 1);
        return new Reward(id, displayId, title, description, requiredCredits, rewardType, pooled() ? stock : left,
                pooled() ? left : null, active, limitPerContact, expirationDuration, media, attributes, createdAt,
                updatedAt);
    }

    /** When a reception made at {@code at} expires; null when it does not. */
    Instant expiresAt(Instant at) {
        return expirationDuration == null ? null : at.plusSeconds(expirationDuration);
    }

    boolean inStock() {
        return available() == null || available() > 0;
    }
}
