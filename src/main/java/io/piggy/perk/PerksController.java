package io.piggy.perk;

import io.piggy.account.AccountId;
import io.piggy.shared.api.Envelope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v3/oauth/clients/perks")
@Tag(name = "Perks")
class PerksController {
    private static final String OPTIONS = "options is a list of {label, value, default} with unique values and "
            + "exactly one default (forms: options[0][label]=…); a boolean perk without options gets Yes (true) and "
            + "No (false, the default).";
    private final PerkCatalog perks;

    PerksController(PerkCatalog perks) {
        this.perks = perks;
    }

    @GetMapping
    @Operation(summary = "List perks", description = "All perks of the account with their options, oldest first.")
    Envelope<List<Perk>> list(AccountId account) {
        return Envelope.of(perks.all(account));
    }

    @GetMapping("/{perkUuid}")
    @Operation(summary = "Get a perk", description = "110000 when the account has no such perk.")
    Envelope<Perk> get(AccountId account, @PathVariable UUID perkUuid) {
        return Envelope.of(perks.require(account, perkUuid));
    }

    @PostMapping
    @Operation(summary = "Create a perk", description = "label, name (unique in the account) and data_type "
            + "(single_select or boolean; also accepted as dataType, as the PHP SDK sends it) are required. " + OPTIONS
            + " 1003 with errors per field for invalid input, including a name the account already uses.")
    Envelope<Perk> create(AccountId account, @Valid @RequestBody CreatePerkRequest request) {
        return Envelope.of(perks.create(account, request));
    }

    @PutMapping("/{perkUuid}")
    @Operation(summary = "Update a perk", description = "Changes the label and, when given, the options, which "
            + "replace the perk's options. " + OPTIONS + " Name and data type stay. 110000 when the account has no "
            + "such perk; 1003 for invalid input.")
    Envelope<Perk> update(AccountId account, @PathVariable UUID perkUuid, @Valid @RequestBody UpdatePerkRequest request) {
        return Envelope.of(perks.update(account, perkUuid, request));
    }

    @DeleteMapping("/{perkUuid}")
    @Operation(summary = "Delete a perk", description = "Answers {\"data\": null, \"meta\": {}}. 110000 when the "
            + "account has no such perk.")
    Envelope<Void> delete(AccountId account, @PathVariable UUID perkUuid) {
        perks.delete(account, perkUuid);
        return Envelope.of(null);
    }
}
