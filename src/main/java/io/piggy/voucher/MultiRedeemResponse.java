package io.piggy.voucher;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

record MultiRedeemResponse(VoucherResponse voucher,
                           @JsonProperty("voucher_redemptions") List<Redemption> voucherRedemptions) {
    record Redemption(UUID uuid, @JsonProperty("created_at") Instant createdAt) {
    }
}
