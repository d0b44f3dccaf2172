package io.piggy.contact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.piggy.shared.attribute.AttributeOption;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/** An attribute as Piggy answers it (§2.2, §3.9); {@code entity} only on /custom-attributes. */
record AttributeResponse(
        long id,
        @JsonInclude(JsonInclude.Include.NON_NULL) String entity,
        String name,
        String label,
        String type,
        @JsonProperty("group_name") @Nullable String groupName,
        @Nullable Group group,
        @JsonProperty("is_piggy_defined") boolean isPiggyDefined,
        @JsonProperty("is_soft_read_only") boolean isSoftReadOnly,
        @JsonProperty("is_hard_read_only") boolean isHardReadOnly,
        @JsonProperty("field_type") @Nullable String fieldType,
        @JsonProperty("has_unique_value") boolean hasUniqueValue,
        String description,
        List<AttributeOption> options,
        int position,
        @JsonProperty("created_at") Instant createdAt,
        List<Object> meta,
        @JsonProperty("can_be_deleted") boolean canBeDeleted,
        @JsonProperty("last_used_date") @Nullable Instant lastUsedDate,
        @JsonProperty("created_by_user") Object createdByUser) {

    /** Label and position always set: Piggy's PHP SDK maps both as required (issue 12 §6). */
    record Group(@Nullable Long id, String name, String label, int position) {
        static Group named(String name) {
            int position = PredefinedAttributes.PROFILE.equals(name) ? 1 : PredefinedAttributes.SYSTEM.equals(name) ? 2 : 0;
            return new Group(null, name, Character.toUpperCase(name.charAt(0)) + name.substring(1), position);
        }
    }

    static AttributeResponse of(ContactAttribute a, String entity) {
        Group group = a.groupName() == null || a.groupName().isEmpty() ? null : Group.named(a.groupName());
        // The SDK reads description as a string; absent is "".
        String description = a.description() == null ? "" : a.description();
        return new AttributeResponse(a.displayId(), entity, a.name(), a.label(), a.type(), a.groupName(), group,
                a.piggyDefined(), a.softReadOnly(), a.hardReadOnly(), null, false, description, a.options(),
                a.position(), a.createdAt(), List.of(), !a.piggyDefined(), null, null);
    }
}
