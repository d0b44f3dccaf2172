package io.piggy.contact;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.util.UUID;

/** A contact identifier as Piggy answers it (§3.2); {@code contact} is null when it is not linked. */
record IdentifierResponse(String name, String value, boolean active,
                          @JsonProperty("default") boolean defaultIdentifier, @Nullable ContactSummary contact) {

    record ContactSummary(UUID uuid, String email) {
    }

    static IdentifierResponse of(ContactIdentifiers.Identifier i) {
        return new IdentifierResponse(i.name(), i.value(), i.active(), i.isDefault(),
                i.contactId() == null ? null : new ContactSummary(i.contactId(), i.contactEmail()));
    }
}
