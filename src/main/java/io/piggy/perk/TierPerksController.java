package io.piggy.perk;

import io.piggy.account.AccountId;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.PiggyExtension;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v3/oauth/clients")
@Tag(name = "Perks")
class TierPerksController {
    private static final String ITEM = "Each item is {perk, value, label, from_tier}: the option that applies, and "
            + "whether a tier set it (false: the perk's default).";
    private final TierPerkService tierPerks;

    TierPerksController(TierPerkService tierPerks) {
        this.tierPerks = tierPerks;
    }

    @GetMapping("/tiers/{tierUuid}/perks")
    @PiggyExtension
    @Operation(summary = "Get a tier's perk values", description = "Every perk of the account with the value this "
            + "tier gives. " + ITEM + " 60013 when the account has no such tier.")
    Envelope<List<PerkValueResponse>> ofTier(AccountId account, @PathVariable UUID tierUuid) {
        return Envelope.of(tierPerks.ofTier(account, tierUuid));
    }

    @PutMapping("/tiers/{tierUuid}/perks")
    @PiggyExtension
    @Operation(summary = "Set a tier's perk values", description = "Body {perks: [{perk_uuid or name, value}]} or one "
            + "{perk_uuid or name, value}. value is one of the perk's option values (true/false, 1/0 or yes/no for a "
            + "boolean perk); null gives the perk's default again. Perks left out keep their values. When an option "
            + "is removed from a perk later, tiers that gave it give the default. Answers every perk as GET does. "
            + "60013 unknown tier; 110000 unknown perk; 1003 a value the perk does not have.")
    Envelope<List<PerkValueResponse>> set(AccountId account, @PathVariable UUID tierUuid,
                                          @Valid @RequestBody TierPerksRequest request) {
        return Envelope.of(tierPerks.set(account, tierUuid, request));
    }

    @GetMapping("/contacts/{contactUuid}/perks")
    @PiggyExtension
    @Operation(summary = "Get a contact's perks", description = "Every perk of the account with the value that applies "
            + "to the contact through its tier, or the perk's default when its tier sets none or it is in no tier. "
            + ITEM + " 55031 unknown contact.")
    Envelope<List<PerkValueResponse>> ofContact(AccountId account, @PathVariable UUID contactUuid) {
        return Envelope.of(tierPerks.ofContact(account, contactUuid));
    }
}
