package io.piggy.voucher;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.api.PageRequest;
import io.piggy.shared.api.Paging;
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
@RequestMapping("/api/v3/oauth/clients/promotions")
@Tag(name = "Promotions")
class PromotionsController {
    static final int DEFAULT_LIMIT = 30;
    static final int MAX_LIMIT = 100;
    private final Promotions promotions;
    private final PromotionService service;

    PromotionsController(Promotions promotions, PromotionService service) {
        this.promotions = promotions;
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "List promotions",
            description = "Oldest first. Without page and limit: the full list with an empty meta, as Piggy answers. "
                    + "With page or limit (as the PHP SDK sends them; limit default 30, at most 100): that page, with "
                    + "meta {page, limit, viewing_from, viewing_to, last_page, total}. 1003 for a bad page or limit.")
    Envelope<List<PromotionResponse>> list(AccountId account, @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer limit) {
        if (page == null && limit == null) {
            return Envelope.of(promotions.all(account).stream().map(PromotionResponse::of).toList());
        }
        PageRequest paging = PageRequest.of(page, limit, DEFAULT_LIMIT, MAX_LIMIT);
        return Envelope.of(promotions.page(account, paging.offset(), paging.limit()).stream()
                .map(PromotionResponse::of).toList(), Paging.custom(paging, promotions.count(account)));
    }

    @GetMapping("/{promotionUuid}")
    @Operation(summary = "Get a promotion", description = "80002 when the promotion is unknown.")
    Envelope<PromotionResponse> get(AccountId account, @PathVariable UUID promotionUuid) {
        return Envelope.of(PromotionResponse.of(promotions.find(account, promotionUuid)
                .orElseThrow(() -> new ApiException(ErrorCode.PROMOTION_NOT_FOUND))));
    }

    @PostMapping
    @Operation(summary = "Create a promotion",
            description = "type SINGLE_USE (default; one redemption per voucher) or MULTI_USE (redemptions_per_voucher "
                    + "each). voucher_limit caps the vouchers of the promotion, limit_per_contact the redemptions "
                    + "per contact, expiration_duration (seconds) sets a voucher's default expiration. attributes "
                    + "holds values of promotion attributes by name. A new promotion is ACTIVE. 1003 on invalid input.")
    Envelope<PromotionResponse> create(AccountId account, @Valid @RequestBody CreatePromotionRequest request) {
        return Envelope.of(PromotionResponse.of(service.create(account, request)));
    }

    @PutMapping("/{promotionUuid}")
    @PiggyExtension
    @Operation(summary = "Update or switch off a promotion",
            description = "Changes the fields it is given: name, description, voucher_limit, limit_per_contact, "
                    + "expiration_duration (null or empty removes a limit or the duration), attributes (values by "
                    + "name; null removes one) and status: INACTIVE switches the promotion off (creating, locking, "
                    + "validating and redeeming its vouchers then answer 80020; a batch already running finishes), "
                    + "ACTIVE on again. A new voucher_limit must be at least the vouchers made or reserved. New "
                    + "limits apply to later redemptions, a new expiration_duration to vouchers made later. type and "
                    + "redemptions_per_voucher cannot change. 1003 on invalid input, 80002 unknown promotion.")
    Envelope<PromotionResponse> update(AccountId account, @PathVariable UUID promotionUuid,
                                       @Valid @RequestBody UpdatePromotionRequest request) {
        return Envelope.of(PromotionResponse.of(service.update(account, promotionUuid, request)));
    }
}
