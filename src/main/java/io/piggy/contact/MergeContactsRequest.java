package io.piggy.contact;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

record MergeContactsRequest(
        @JsonProperty("source_contact_uuid") @NotNull(message = "The source_contact_uuid field is required.")
        UUID sourceContactUuid,
        @JsonProperty("destination_contact_uuid") @NotNull(message = "The destination_contact_uuid field is required.")
        UUID destinationContactUuid) {
}
