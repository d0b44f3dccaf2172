package io.piggy.voucher;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** Answer of lock and release: the voucher and its (latest) lock. */
record LockResponse(VoucherResponse voucher, Lock lock) {
    record Lock(@JsonProperty("release_key") String releaseKey, @JsonProperty("locked_at") Instant lockedAt,
                @JsonProperty("unlocked_at") Instant unlockedAt,
                @JsonProperty("system_release_at") Instant systemReleaseAt) {
    }
}
