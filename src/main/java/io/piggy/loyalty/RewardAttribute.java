package io.piggy.loyalty;

import io.piggy.shared.attribute.AttributeOption;
import io.piggy.shared.attribute.AttributeType;

import java.time.Instant;
import java.util.List;

/** A custom field rewards may have a value for: its name (the key in a reward), type and options. */
record RewardAttribute(long displayId, String name, String label, String description, String type,
                       String placeholder, List<AttributeOption> options, Instant createdAt) {

    /** Attributes made from names rewards already used before definitions existed are text. */
    AttributeType attributeType() {
        return AttributeType.of(type).orElse(AttributeType.TEXT);
    }
}
