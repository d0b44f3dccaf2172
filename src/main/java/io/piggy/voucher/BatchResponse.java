package io.piggy.voucher;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A voucher batch: Piggy's job object ({@code uuid, type, quantity, status, created_at}) plus the
 * progress fields of our status extension.
 */
record BatchResponse(UUID uuid, String type, long quantity, String status, long generated, @Nullable String error,
                     @JsonProperty("promotion_uuid") UUID promotionUuid,
                     @JsonProperty("created_at") Instant createdAt,
                     @JsonProperty("completed_at") @Nullable Instant completedAt) {

    static BatchResponse of(Batches.Batch b) {
        return new BatchResponse(b.id(), "vouchers", b.quantity(), b.status(), b.generated(), b.error(),
                b.promotionId(), b.createdAt(), b.completedAt());
    }
}
