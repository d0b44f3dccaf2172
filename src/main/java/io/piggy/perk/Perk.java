package io.piggy.perk;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A perk as Piggy's API shows it (§2.10): a benefit a tier can give, with its options in order.
 * Other features (tiers, a contact's perks) read perks through {@link PerkCatalog}.
 */
public record Perk(UUID uuid, String label, String name, @JsonProperty("data_type") PerkDataType dataType,
                   List<PerkOption> options) {

    /** The value a contact has when its tier sets none. */
    public PerkOption defaultOption() {
        return options.stream().filter(PerkOption::isDefault).findFirst()
                .orElseThrow(() -> new IllegalStateException("Perk " + uuid + " has no default option"));
    }

    public Optional<PerkOption> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }
}
