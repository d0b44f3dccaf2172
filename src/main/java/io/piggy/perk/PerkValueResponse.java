package io.piggy.perk;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.UUID;

/**
 * The value of one perk for a tier or a contact: the option's value and label, and whether a tier
 * set it ({@code from_tier}) or it is the perk's default.
 */
record PerkValueResponse(PerkRef perk, String value, String label, @JsonProperty("from_tier") boolean fromTier) {
    record PerkRef(UUID uuid, String name, String label, @JsonProperty("data_type") PerkDataType dataType) {
    }

    static PerkValueResponse of(Perk perk, PerkOption option, boolean fromTier) {
        return new PerkValueResponse(new PerkRef(perk.uuid(), perk.name(), perk.label(), perk.dataType()),
                option.value(), option.label(), fromTier);
    }
}
