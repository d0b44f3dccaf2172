package io.piggy.voucher;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/v3/oauth/clients/promotions")
@Tag(name = "Promotions")
class PromotionsController {
    private final Promotions promotions;
    private final PromotionAttributes attributes;

    PromotionsController(Promotions promotions, PromotionAttributes attributes) {
        this.promotions = promotions;
        this.attributes = attributes;
    }

    @GetMapping
    @Operation(summary = "List promotions", description = "The full list, oldest first, with an empty meta.")
    Envelope<List<PromotionResponse>> list(AccountId account) {
        return Envelope.of(promotions.all(account).stream().map(PromotionResponse::of).toList());
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
                    + "holds values of promotion attributes by name. 1003 on invalid input.")
    Envelope<PromotionResponse> create(AccountId account, @Valid @RequestBody CreatePromotionRequest request) {
        String type = request.type() == null ? "SINGLE_USE" : request.type();
        int redemptions;
        if ("SINGLE_USE".equals(type)) {
            if (request.redemptionsPerVoucher() != null && request.redemptionsPerVoucher() != 1) {
                throw ApiException.invalidField("redemptions_per_voucher",
                        "A SINGLE_USE promotion has 1 redemption per voucher; use type MULTI_USE for more.");
            }
            redemptions = 1;
        } else {
            if (request.redemptionsPerVoucher() == null) {
                throw ApiException.invalidField("redemptions_per_voucher",
                        "A MULTI_USE promotion needs redemptions_per_voucher (1 or more).");
            }
            redemptions = request.redemptionsPerVoucher();
        }
        Map<String, Object> values = request.attributes() == null ? Map.of() : request.attributes();
        Set<String> known = attributes.names(account);
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw ApiException.invalidField("attributes." + name,
                        "No promotion attribute is named " + name + "; create it with POST /promotion-attributes first.");
            }
        }
        return Envelope.of(PromotionResponse.of(promotions.create(account, request.name().trim(), request.description(),
                type, redemptions, request.voucherLimit(), request.limitPerContact(), request.expirationDuration(),
                values)));
    }
}
