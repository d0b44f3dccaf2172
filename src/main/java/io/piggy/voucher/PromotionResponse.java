package io.piggy.voucher;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A promotion as Piggy shows it: its fields, its custom attribute values under {@code attributes}
 * and, as in Piggy's voucher responses, the same values flattened beside the fields.
 */
record PromotionResponse(
        UUID uuid,
        String name,
        String description,
        String type,
        @JsonProperty("redemptions_per_voucher") int redemptionsPerVoucher,
        @JsonProperty("voucher_limit") @Nullable Long voucherLimit,
        @JsonProperty("limit_per_contact") @Nullable Integer limitPerContact,
        @JsonProperty("expiration_duration") @Nullable Long expirationDuration,
        @Schema(description = "ACTIVE, or INACTIVE when switched off (extension)", allowableValues = {"ACTIVE", "INACTIVE"})
        String status,
        Map<String, Object> attributes) {

    static PromotionResponse of(Promotions.Promotion p) {
        return new PromotionResponse(p.id(), p.name(), p.description(), p.type(), p.redemptionsPerVoucher(),
                p.voucherLimit(), p.limitPerContact(), p.expirationDuration(), p.active() ? "ACTIVE" : "INACTIVE",
                p.attributes());
    }

    /** Attribute values beside the fields; one named like a field (possible for older attributes) stays only under attributes. */
    @JsonAnyGetter
    Map<String, Object> flattened() {
        if (attributes.keySet().stream().noneMatch(PromotionAttributesController.RESERVED::contains)) {
            return attributes;
        }
        Map<String, Object> values = new LinkedHashMap<>(attributes);
        values.keySet().removeAll(PromotionAttributesController.RESERVED);
        return values;
    }
}
