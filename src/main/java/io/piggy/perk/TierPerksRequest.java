package io.piggy.perk;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * {@code PUT /tiers/{uuid}/perks}: several values as {@code perks: [{perk_uuid or name, value}]},
 * or one as {@code {perk_uuid or name, value}}.
 */
record TierPerksRequest(
        @Size(min = 1, max = PerkOptions.MAX, message = "Send perks as a list of 1 to 100 {perk_uuid or name, value}.")
        List<TierPerkValueRequest> perks,
        @JsonProperty("perk_uuid") UUID perkUuid, String name, Object value) {

    /** The items with the error key prefix of each. */
    List<TierPerkValueRequest> items() {
        return perks != null ? perks : List.of(new TierPerkValueRequest(perkUuid, name, value));
    }

    String prefix(int index) {
        return perks != null ? "perks." + index + "." : "";
    }
}
