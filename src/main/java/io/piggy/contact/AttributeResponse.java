package io.piggy.contact;

import io.piggy.shared.attribute.AttributeOption;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/** An attribute as Piggy answers it (§2.2, §3.9); {@code entity} only on /custom-attributes. */
record AttributeResponse(
        long id,
        @JsonInclude(JsonInclude.Include.NON_NULL) String entity,
        String name,
        String label,
        String type,
        @JsonProperty("group_name") String groupName,
        Group group,
        @JsonProperty("is_piggy_defined") boolean isPiggyDefined,
        @JsonProperty("is_soft_read_only") boolean isSoftReadOnly,
        @JsonProperty("is_hard_read_only") boolean isHardReadOnly,
        @JsonProperty("field_type") String fieldType,
        @JsonProperty("has_unique_value") boolean hasUniqueValue,
        String description,
        List<AttributeOption> options,
        int position,
        @JsonProperty("created_at") Instant createdAt,
        List<Object> meta,
        @JsonProperty("can_be_deleted") boolean canBeDeleted,
        @JsonProperty("last_used_date") Instant lastUsedDate,
        @JsonProperty("created_by_user") Object createdByUser) {

    record Group(Long id, String name, Integer position) {
    }

    static AttributeResponse of(ContactAttribute a, String entity) {
        Group group = a.groupName() == null ? null : new Group(null, a.groupName(), null);
        return new AttributeResponse(a.displayId(), entity, a.name(), a.label(), a.type(), a.groupName(), group,
                a.piggyDefined(), a.softReadOnly(), a.hardReadOnly(), null, false, a.description(), a.options(),
                a.position(), a.createdAt(), List.of(), !a.piggyDefined(), null, null);
    }
}
