package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.shared.api.Envelope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping(LoyaltyApi.PREFIX + "/reward-receptions")
@Tag(name = "Reward receptions")
class RewardReceptionsController {
    private final RewardReceptionService receptions;

    RewardReceptionsController(RewardReceptionService receptions) {
        this.receptions = receptions;
    }

    @PostMapping
    @Operation(summary = "Claim a reward with credits",
            description = "Spends the reward's credits, exactly once even under concurrent requests. A DIGITAL reward "
                    + "with codes hands out one (digital_reward_code); expires_at follows the reward's "
                    + "expiration_duration. Errors: 1003, "
                    + "6003 unknown reward, 1052 inactive, 1008 shop, 55031 contact, 60003 identifier, "
                    + "1018 out of stock, 1019 claim limit reached, 1017 insufficient credits.")
    Envelope<RewardReceptionResponse> create(AccountId account, @Valid @RequestBody CreateRewardReceptionRequest request) {
        return Envelope.of(receptions.claim(account, request));
    }

    @PostMapping("/{rewardReceptionUuid}/reverse")
    @Operation(summary = "Reverse a reward reception",
            description = "Gives the credits back (as a linked credit reception) and the reward back to its stock; "
                    + "a code a digital reward handed out stays burned. Errors: 60013 unknown reward reception, "
                    + "1410 reversed already, 80300 (409) the reward was collected.")
    Envelope<CreditReceptionResponse> reverse(AccountId account, @PathVariable UUID rewardReceptionUuid) {
        return Envelope.of(receptions.reverse(account, rewardReceptionUuid));
    }
}
