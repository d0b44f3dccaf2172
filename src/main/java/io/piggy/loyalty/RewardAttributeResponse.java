package io.piggy.loyalty;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.piggy.shared.attribute.AttributeOption;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/** A reward attribute as the PHP SDK reads it (§3.4). */
record RewardAttributeResponse(
        long id,
        String name,
        String label,
        @Nullable String description,
        String type,
        @JsonProperty("field_type") @Nullable String fieldType,
        @Nullable String placeholder,
        List<AttributeOption> options,
        @JsonProperty("is_piggy_defined") boolean isPiggyDefined,
        @JsonProperty("is_soft_read_only") boolean isSoftReadOnly,
        @JsonProperty("is_hard_read_only") boolean isHardReadOnly,
        @JsonProperty("created_at") Instant createdAt) {

    static RewardAttributeResponse of(RewardAttribute a) {
        return new RewardAttributeResponse(a.displayId(), a.name(), a.label(), a.description(), a.type(), null,
                a.placeholder(), a.options(), false, false, false, a.createdAt());
    }
}
