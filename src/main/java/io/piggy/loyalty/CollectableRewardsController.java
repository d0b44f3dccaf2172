package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.PiggyExtension;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping(LoyaltyApi.PREFIX + "/collectable-rewards")
@Tag(name = "Collectable rewards")
class CollectableRewardsController {
    private final CollectableRewardService collectable;

    CollectableRewardsController(CollectableRewardService collectable) {
        this.collectable = collectable;
    }

    @GetMapping
    @Operation(summary = "List a contact's collectable rewards",
            description = "The contact's (and merged contacts') reward receptions of PHYSICAL rewards that were not "
                    + "reversed, oldest first, collected ones included (has_been_collected), with expires_at. "
                    + "Errors: 1003 without contact_uuid, 55031.")
    Envelope<List<CollectableRewardResponse>> list(AccountId account,
                                                   @RequestParam(name = "contact_uuid", required = false) UUID contactUuid) {
        if (contactUuid == null) {
            throw ApiException.invalidField("contact_uuid", "The contact_uuid field is required.");
        }
        return Envelope.of(collectable.list(account, contactUuid));
    }

    private static final String COLLECT = "Marks a reward reception of a PHYSICAL reward as collected, once, and "
            + "answers the collected reward as GET /collectable-rewards lists it (has_been_collected true). Errors: "
            + "6003 unknown (or not a physical reward's reception), 80300 (409) collected already, reversed or expired.";

    /** The verb of Piggy's documentation and PHP SDK. */
    @PutMapping("/collect/{loyaltyTransactionUuid}")
    @Operation(summary = "Collect a reward", description = COLLECT)
    Envelope<CollectableRewardResponse> collect(AccountId account, @PathVariable UUID loyaltyTransactionUuid) {
        return Envelope.of(collectable.collect(account, loyaltyTransactionUuid));
    }

    /** The same call for clients that POST it, as the bug report of issue 12 did. */
    @PostMapping("/collect/{loyaltyTransactionUuid}")
    @PiggyExtension
    @Operation(summary = "Collect a reward (POST)", description = COLLECT)
    Envelope<CollectableRewardResponse> collectByPost(AccountId account, @PathVariable UUID loyaltyTransactionUuid) {
        return collect(account, loyaltyTransactionUuid);
    }

    @PostMapping("/{rewardReceptionUuid}/reverse")
    @Operation(summary = "Reverse a collectable reward",
            description = "Gives the credits and the stock back, exactly like POST /reward-receptions/{uuid}/reverse. "
                    + "Errors: 6003 unknown (or not a physical reward's reception), 80300 (409) collected, "
                    + "1410 reversed already.")
    Envelope<CollectableRewardStatusResponse> reverse(AccountId account, @PathVariable UUID rewardReceptionUuid) {
        return Envelope.of(collectable.reverse(account, rewardReceptionUuid));
    }
}
