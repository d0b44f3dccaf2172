package io.piggy.perk;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One value a perk can take; exactly one option of a perk is its default. */
public record PerkOption(String label, String value, @JsonProperty("default") boolean isDefault) {
}
