package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.PiggyExtension;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping(LoyaltyApi.PREFIX + "/rewards")
@Tag(name = "Rewards")
class RewardsController {
    private final RewardService rewards;

    RewardsController(RewardService rewards) {
        this.rewards = rewards;
    }

    @GetMapping
    @Operation(summary = "List rewards",
            description = "All rewards; with contact_uuid only those the contact can claim now (active, in stock, "
                    + "affordable, under its claim limit). Errors: 1008, 55031.")
    Envelope<List<RewardResponse>> list(AccountId account,
                                        @RequestParam(name = "shop_uuid", required = false) UUID shopUuid,
                                        @RequestParam(name = "contact_uuid", required = false) UUID contactUuid) {
        return Envelope.of(rewards.list(account, shopUuid, contactUuid).stream().map(RewardResponse::of).toList());
    }

    @GetMapping("/{rewardUuid}")
    @Operation(summary = "Get a reward", description = "Errors: 6003.")
    Envelope<RewardResponse> get(AccountId account, @PathVariable UUID rewardUuid) {
        return Envelope.of(RewardResponse.of(rewards.require(account, rewardUuid)));
    }

    @PutMapping("/{rewardUuid}")
    @Operation(summary = "Update a reward",
            description = "title, description, required_credits and custom reward attributes by name; also "
                    + "(our extension) type, active, stock, limit_per_contact and media. Errors: 1003, 6003.")
    Envelope<RewardResponse> update(AccountId account, @PathVariable UUID rewardUuid,
                                    @Valid @RequestBody UpdateRewardRequest request) {
        return Envelope.of(RewardResponse.of(rewards.update(account, rewardUuid, request)));
    }

    @PostMapping
    @PiggyExtension
    @Operation(summary = "Create a reward",
            description = "title, description, required_credits, type PHYSICAL|DIGITAL, stock (leave out for "
                    + "unlimited), active, limit_per_contact, media; other fields are custom attributes. Errors: 1003.")
    Envelope<RewardResponse> create(AccountId account, @Valid @RequestBody CreateRewardRequest request) {
        return Envelope.of(RewardResponse.of(rewards.create(account, request)));
    }
}
