package io.piggy.voucher;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.UUID;

/** Body of redeem, multi-redeem and validate. */
record RedeemRequest(String code, @JsonProperty("contact_uuid") UUID contactUuid,
                     @JsonProperty("shop_uuid") UUID shopUuid, @JsonProperty("release_key") String releaseKey,
                     @JsonProperty("number_of_times") Integer numberOfTimes) {
}
