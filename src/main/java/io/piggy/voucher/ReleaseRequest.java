package io.piggy.voucher;

import com.fasterxml.jackson.annotation.JsonProperty;

record ReleaseRequest(@JsonProperty("release_key") String releaseKey) {
}
