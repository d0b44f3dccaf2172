package io.piggy.voucher;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** Answer of lock and release: the voucher and its (latest) lock. */
record LockResponse(VoucherResponse voucher, Lock lock) {
    record Lock(@JsonProperty("release_key") @Nullable String releaseKey, @JsonProperty("locked_at") @Nullable Instant lockedAt,
                @JsonProperty("unlocked_at") @Nullable Instant unlockedAt,
                @JsonProperty("system_release_at") @Nullable Instant systemReleaseAt) {
    }
}
