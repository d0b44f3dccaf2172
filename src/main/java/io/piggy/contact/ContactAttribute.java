package io.piggy.contact;

import java.time.Instant;
import java.util.List;

/**
 * An attribute contacts can have: its name (the key in a contact's values), type and options.
 * Read-only attributes are computed by Piggy (hard) or changed only by a dedicated call (soft,
 * such as email, which changes by claiming): neither can be set through attribute values.
 */
public record ContactAttribute(long displayId, String name, String label, String type, String description,
                               String groupName, List<Option> options, int position, boolean piggyDefined,
                               boolean softReadOnly, boolean hardReadOnly, Instant createdAt) {

    public record Option(String value, String label, String description, String media) {
    }

    public boolean readOnly() {
        return softReadOnly || hardReadOnly;
    }

    AttributeType attributeType() {
        return AttributeType.of(type).orElseThrow();
    }
}
