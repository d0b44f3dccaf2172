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
    private final RewardCodeService codes;

    RewardsController(RewardService rewards, RewardCodeService codes) {
        this.rewards = rewards;
        this.codes = codes;
    }

    @GetMapping
    @Operation(summary = "List rewards",
            description = "All rewards, with their attribute values as fields; with contact_uuid only those the "
                    + "contact can claim now (active, in stock, affordable, under its claim limit). Errors: 1008, 55031.")
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
            description = "title, description, required_credits and values of reward attributes by name (as "
                    + "fields or in an attributes object; null or empty removes one); also (our extension) type, "
                    + "active, stock, limit_per_contact, expiration_duration and media. Errors: 1003 (an unknown "
                    + "attribute or a value its type refuses: errors keyed by the attribute's name), 6003.")
    Envelope<RewardResponse> update(AccountId account, @PathVariable UUID rewardUuid,
                                    @Valid @RequestBody UpdateRewardRequest request) {
        return Envelope.of(RewardResponse.of(rewards.update(account, rewardUuid, request)));
    }

    @PostMapping
    @PiggyExtension
    @Operation(summary = "Create a reward",
            description = "title, description, required_credits, type PHYSICAL|DIGITAL, stock (leave out for "
                    + "unlimited), active, limit_per_contact, expiration_duration (seconds a reception can be "
                    + "collected), media; other fields (or an attributes object) are values of reward attributes "
                    + "(GET /reward-attributes). Errors: 1003.")
    Envelope<RewardResponse> create(AccountId account, @Valid @RequestBody CreateRewardRequest request) {
        return Envelope.of(RewardResponse.of(rewards.create(account, request)));
    }

    @PostMapping("/{rewardUuid}/codes")
    @PiggyExtension
    @Operation(summary = "Add codes to a digital reward",
            description = "codes: 1 to 10,000 codes (text of 1 to 255 characters, trimmed, case-sensitive) for the "
                    + "pool of a DIGITAL reward; each reward reception hands out one. Codes the pool has already, or "
                    + "repeated in the call, are skipped and listed in skipped_codes. Once a reward has codes, its "
                    + "free codes are its stock. Answers the counts of the pool. Errors: 6003, 1003 (field errors "
                    + "codes.N; a reward that is not DIGITAL).")
    Envelope<RewardCodesResponse> addCodes(AccountId account, @PathVariable UUID rewardUuid,
                                           @Valid @RequestBody RewardCodesRequest request) {
        return Envelope.of(RewardCodesResponse.of(codes.add(account, rewardUuid, request.codes())));
    }

    @GetMapping("/{rewardUuid}/codes")
    @PiggyExtension
    @Operation(summary = "Count a digital reward's codes",
            description = "available (free) and issued codes; issued codes are shown only with their reward "
                    + "reception. Errors: 6003.")
    Envelope<RewardCodesResponse> countCodes(AccountId account, @PathVariable UUID rewardUuid) {
        return Envelope.of(RewardCodesResponse.of(codes.counts(account, rewardUuid)));
    }
}
