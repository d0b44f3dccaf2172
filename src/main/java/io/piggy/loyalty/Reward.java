package io.piggy.loyalty;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A reward as stored. {@code stock} null is unlimited; {@code limitPerContact} null is no limit. */
record Reward(UUID id, long displayId, String title, String description, long requiredCredits, String rewardType,
              Long stock, boolean active, Long limitPerContact, Media media, Map<String, Object> attributes,
              Instant createdAt, Instant updatedAt) {
    static final String PHYSICAL = "PHYSICAL";
    static final String DIGITAL = "DIGITAL";

    /** Piggy's {type, value} media object, e.g. {"type":"image","value":"https://…/cup.png"}. */
    record Media(String type, String value) {
    }

    Reward withStock(Long newStock) {
        return new Reward(id, displayId, title, description, requiredCredits, rewardType, newStock, active,
                limitPerContact, media, attributes, createdAt, updatedAt);
    }

    boolean inStock() {
        return stock == null || stock > 0;
    }
}
