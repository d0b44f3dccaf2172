package io.piggy.loyalty;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A code pool by its counts (codes handed out are shown only with their reception); after an
 * upload also how many codes it added and which it skipped as already there.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RewardCodesResponse(
        long available,
        long issued,
        Integer added,
        Integer skipped,
        @JsonProperty("skipped_codes") List<String> skippedCodes) {

    static RewardCodesResponse of(RewardCodes.Counts counts) {
        return new RewardCodesResponse(counts.available(), counts.issued(), null, null, null);
    }

    static RewardCodesResponse of(RewardCodeService.Added added) {
        return new RewardCodesResponse(added.counts().available(), added.counts().issued(), added.added(),
                added.skipped().size(), added.skipped());
    }
}
