package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.PageRequest;
import io.piggy.shared.api.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(LoyaltyApi.PREFIX + "/reward-attributes")
@Tag(name = "Reward attributes")
class RewardAttributesController {
    private final RewardAttributeService attributes;

    RewardAttributesController(RewardAttributeService attributes) {
        this.attributes = attributes;
    }

    @GetMapping
    @Operation(summary = "List reward attributes",
            description = "Oldest first, 30 per page (limit up to 100). Errors: 1003 bad page or limit.")
    Envelope<List<RewardAttributeResponse>> list(AccountId account, @RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer limit) {
        PageRequest request = PageRequest.of(page, limit, 30, 100);
        RewardAttributes.Page found = attributes.list(account, request);
        return Envelope.of(found.attributes().stream().map(RewardAttributeResponse::of).toList(),
                Paging.custom(request, found.total()));
    }

    @PostMapping
    @Operation(summary = "Create a reward attribute",
            description = "name (a-z, 0-9, _; not a field of the reward itself), label (default: the name), "
                    + "description, type (one of the 21 attribute types; data_type works too), options [{label, "
                    + "value}] (required for select and multi_select), placeholder. Rewards then take values for it "
                    + "by name on POST and PUT /rewards. Errors: 1003, 60009 when the name exists.")
    Envelope<RewardAttributeResponse> create(AccountId account, @Valid @RequestBody RewardAttributeRequest request) {
        return Envelope.of(RewardAttributeResponse.of(attributes.create(account, request)));
    }
}
