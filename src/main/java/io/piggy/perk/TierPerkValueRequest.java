package io.piggy.perk;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.UUID;

/**
 * One perk value of a tier: the perk by perk_uuid or by name, and the value (one of the perk's
 * option values; true/false for a boolean perk). A null value gives the perk's default again.
 */
record TierPerkValueRequest(@JsonProperty("perk_uuid") UUID perkUuid, String name, Object value) {
}
