package io.piggy.voucher;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/v3/oauth/clients/vouchers")
@Tag(name = "Vouchers")
class RedemptionsController {
    static final int MAX_TIMES = 50;
    private final RedemptionService redemptions;

    RedemptionsController(RedemptionService redemptions) {
        this.redemptions = redemptions;
    }

    // The PHP SDK calls lock and release with a trailing slash.
    @PostMapping({"/{voucherUuid}/lock", "/{voucherUuid}/lock/"})
    @Operation(summary = "Lock a voucher",
            description = "Reserves the voucher for one redemption for an hour; redeem or release it with the "
                    + "release_key. 80004 unknown, 80020 its promotion is switched off, 80012 deactivated, 80005 redeemed, "
                    + "80006 expired, 80014 not yet active, 80017 already locked.")
    Envelope<LockResponse> lock(AccountId account, @PathVariable UUID voucherUuid) {
        return Envelope.of(redemptions.lock(account, voucherUuid));
    }

    @PostMapping({"/{voucherUuid}/release", "/{voucherUuid}/release/"})
    @Operation(summary = "Release a voucher's lock",
            description = "1003 without release_key or with another lock's key, 80004 unknown, 80005 redeemed, "
                    + "80006 expired.")
    Envelope<LockResponse> release(AccountId account, @PathVariable UUID voucherUuid,
                                   @RequestBody(required = false) ReleaseRequest request) {
        return Envelope.of(redemptions.release(account, voucherUuid, request == null ? null : request.releaseKey()));
    }

    @PostMapping("/redeem")
    @Operation(summary = "Redeem a voucher",
            description = "code (case-insensitive); contact_uuid when the voucher has no contact; release_key when "
                    + "it is locked; shop_uuid optional. 1003 invalid input, 1008 unknown shop, 55031 unknown contact, "
                    + "80004 unknown code, 80020 its promotion is switched off, 80012 deactivated, 80005 fully redeemed, "
                    + "80006 expired, 80014 not yet active, 80017 locked, 1019 the contact reached the promotion's "
                    + "limit per contact.")
    Envelope<VoucherResponse> redeem(AccountId account, @RequestBody RedeemRequest request) {
        return Envelope.of(redemptions.redeem(account, redeem(request, 1)).voucher());
    }

    @PostMapping("/multi-redeem")
    @Operation(summary = "Redeem a voucher several times",
            description = "As redeem, with number_of_times from 1 to 50 and shop_uuid required; 80019 when fewer "
                    + "redemptions are left, 80020 when its promotion is switched off.")
    Envelope<MultiRedeemResponse> multiRedeem(AccountId account, @RequestBody RedeemRequest request) {
        if (request.shopUuid() == null) {
            throw ApiException.invalidField("shop_uuid", "The shop_uuid field is required.");
        }
        Integer times = request.numberOfTimes();
        if (times == null || times < 1 || times > MAX_TIMES) {
            throw ApiException.invalidField("number_of_times", "The number_of_times must be between 1 and " + MAX_TIMES + ".");
        }
        return Envelope.of(redemptions.redeem(account, redeem(request, times)));
    }

    @PostMapping("/{uuid}/reverse")
    @Operation(summary = "Reverse a redemption",
            description = "uuid is a voucher redemption's uuid, or a voucher's (its latest redemption is reversed). "
                    + "1003 when nothing is left to reverse, 80004 unknown.")
    Envelope<VoucherResponse> reverse(AccountId account, @PathVariable UUID uuid) {
        return Envelope.of(redemptions.reverse(account, uuid));
    }

    @PostMapping("/{voucherUuid}/validate")
    @Operation(summary = "Validate a voucher",
            description = "Runs every check of a redeem without redeeming: shop_uuid required, contact_uuid when the "
                    + "voucher has none. Errors as redeem (80020 when its promotion is switched off).")
    Envelope<VoucherResponse> validate(AccountId account, @PathVariable UUID voucherUuid,
                                       @RequestBody(required = false) RedeemRequest request) {
        if (request == null || request.shopUuid() == null) {
            throw ApiException.invalidField("shop_uuid", "The shop_uuid field is required.");
        }
        return Envelope.of(redemptions.validate(account, voucherUuid,
                new RedemptionService.Redeem(null, request.contactUuid(), request.shopUuid(), request.releaseKey(), 1)));
    }

    private static RedemptionService.Redeem redeem(RedeemRequest request, int times) {
        if (request.code() == null || request.code().isBlank()) {
            throw ApiException.invalidField("code", "The code field is required.");
        }
        return new RedemptionService.Redeem(request.code().trim(), request.contactUuid(), request.shopUuid(),
                request.releaseKey(), times);
    }
}
