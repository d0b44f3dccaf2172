package io.piggy.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A loyalty program unit, as {@code POST /units} answers it (the list shows the same fields). */
public record UnitResponse(
        long id,
        UUID uuid,
        @JsonProperty("loyalty_program_id") long loyaltyProgramId,
        String name,
        String label,
        String prefix,
        @JsonProperty("is_default") boolean isDefault,
        @Nullable String format,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {
}
