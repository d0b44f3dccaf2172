package io.piggy.contact;

import io.piggy.shared.attribute.AttributeOption;
import io.piggy.shared.attribute.AttributeType;

import java.time.Instant;
import java.util.List;

/**
 * An attribute contacts can have: its name (the key in a contact's values), type and options.
 * Read-only attributes are computed by Piggy (hard) or changed only by a dedicated call (soft,
 * such as email, which changes by claiming): neither can be set through attribute values.
 */
public record ContactAttribute(long displayId, String name, String label, String type, String description,
                               String groupName, List<AttributeOption> options, int position, boolean piggyDefined,
                               boolean softReadOnly, boolean hardReadOnly, Instant createdAt) {

    public boolean readOnly() {
        return softReadOnly || hardReadOnly;
    }

    AttributeType attributeType() {
        return AttributeType.of(type).orElseThrow();
    }
}
