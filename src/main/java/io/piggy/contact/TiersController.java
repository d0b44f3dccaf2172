package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.PiggyExtension;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v3/oauth/clients")
@Tag(name = "Tiers")
class TiersController {
    private final TierService tiers;

    TiersController(TierService tiers) {
        this.tiers = tiers;
    }

    @GetMapping("/tiers")
    @Operation(summary = "List tiers", description = "Lowest first.")
    Envelope<List<TierResponse>> list(AccountId account) {
        return Envelope.of(tiers.tiers(account).stream().map(TierResponse::of).toList());
    }

    @PostMapping("/tiers")
    @PiggyExtension
    @Operation(summary = "Create a tier",
            description = "A contact is in the highest tier whose threshold (credits received in total) it reached. "
                    + "Positions and thresholds must rise together. 1003 bad input or a clash with an existing tier.")
    Envelope<TierResponse> create(AccountId account, @Valid @RequestBody TierRequest request) {
        return Envelope.of(TierResponse.of(tiers.create(account, request.name().trim(), request.description(),
                request.position(), request.threshold())));
    }

    @GetMapping("/contacts/{contactUuid}/tier")
    @Operation(summary = "Get a contact's tier", description = "data is null when the contact reached no tier. 55031 unknown contact.")
    Envelope<@Nullable TierResponse> ofContact(AccountId account, @PathVariable UUID contactUuid) {
        return Envelope.of(tiers.tierOf(account, contactUuid).map(TierResponse::of).orElse(null));
    }
}
