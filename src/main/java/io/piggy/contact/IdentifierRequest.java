package io.piggy.contact;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.UUID;

/** The body of the contact-identifier calls; each call says which fields it needs. */
record IdentifierRequest(
        @JsonProperty("contact_identifier_value") String value,
        @JsonProperty("contact_identifier_name") String name,
        @JsonProperty("contact_identifier_active") Boolean active,
        @JsonProperty("contact_uuid") UUID contactUuid) {
}
