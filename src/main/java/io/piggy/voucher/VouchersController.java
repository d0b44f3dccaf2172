package io.piggy.voucher;

import io.piggy.account.AccountId;
import io.piggy.contact.ContactDirectory;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.api.PageRequest;
import io.piggy.shared.api.Paging;
import io.piggy.shared.api.PiggyExtension;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Locale;
import java.util.UUID;

@RestController
@RequestMapping("/api/v3/oauth/clients/vouchers")
@Tag(name = "Vouchers")
class VouchersController {
    private final Vouchers vouchers;
    private final Promotions promotions;
    private final ContactDirectory contacts;
    private final VoucherService service;
    private final BatchService batches;
    private final VoucherViews views;
    private final VoucherListing listing;

    VouchersController(Vouchers vouchers, Promotions promotions, ContactDirectory contacts, VoucherService service,
                       BatchService batches, VoucherViews views, VoucherListing listing) {
        this.vouchers = vouchers;
        this.promotions = promotions;
        this.contacts = contacts;
        this.service = service;
        this.batches = batches;
        this.views = views;
        this.listing = listing;
    }

    @GetMapping
    @Operation(summary = "List vouchers",
            description = "Filters promotion_uuid, contact_uuid and status (ACTIVE, REDEEMED, EXPIRED, DEACTIVATED, "
                    + "INACTIVE, LOCKED); page and limit (default 30, at most 500); Laravel-style paging. The total "
                    + "is exact without filters or by promotion alone; filtered by contact or status it counts "
                    + "at most 10,000 matches (more: total is a lower bound, links.next still exact). "
                    + "1003 on invalid input, 80002 unknown promotion, 55031 unknown contact.")
    Paging.LaravelPage<VoucherResponse> list(AccountId account,
                                             @RequestParam(name = "promotion_uuid", required = false) UUID promotionUuid,
                                             @RequestParam(name = "contact_uuid", required = false) UUID contactUuid,
                                             @RequestParam(required = false) String status,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer limit) {
        PageRequest paging = PageRequest.of(page, limit, 30, 500);
        String wanted = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        if (wanted != null && !Vouchers.STATUSES.contains(wanted)) {
            throw ApiException.invalidField("status", "The status must be one of " + String.join(", ", Vouchers.STATUSES) + ".");
        }
        if (promotionUuid != null && promotions.find(account, promotionUuid).isEmpty()) {
            throw new ApiException(ErrorCode.PROMOTION_NOT_FOUND);
        }
        if (contactUuid != null) {
            contacts.require(account, contactUuid);
        }
        VoucherListing.Page found = listing.page(account, new Vouchers.Filter(promotionUuid, contactUuid, wanted), paging);
        return Paging.laravel(views.views(account, found.items()), paging, found.total(),
                ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString());
    }

    @GetMapping("/{voucherUuid}")
    @PiggyExtension
    @Operation(summary = "Get a voucher",
            description = "The Voucher object, with its promotion embedded, as find by code shows it. 1003 when the "
                    + "uuid is not one, 80004 when the account has no such voucher.")
    Envelope<VoucherResponse> get(AccountId account, @PathVariable UUID voucherUuid) {
        return Envelope.of(views.view(account, vouchers.find(account, voucherUuid).orElseThrow(VoucherService::notFound)));
    }

    @PostMapping
    @Operation(summary = "Create a voucher",
            description = "With code, or a generated one (code_options, an extension, shapes it). With quantity and "
                    + "no code it starts a batch instead and answers 201 with the batch, as POST /vouchers/batch. "
                    + "1003 invalid input, 80002 unknown promotion, 80020 promotion switched off, 80003 code exists, "
                    + "80008 voucher limit reached, 55031 unknown contact.")
    @ApiResponse(responseCode = "200", description = "The voucher", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "201", description = "The batch started for quantity without code", useReturnTypeSchema = true)
    ResponseEntity<Envelope<?>> create(AccountId account, @Valid @RequestBody CreateVoucherRequest request) {
        if (request.quantity() != null && (request.code() == null || request.code().isBlank())) {
            return ResponseEntity.status(HttpStatus.CREATED).body(Envelope.of(
                    batches.start(account, request.fields(), request.quantity(), request.codeOptions())));
        }
        return ResponseEntity.ok(Envelope.of(service.create(account, request.fields(), request.code(), request.codeOptions())));
    }

    @GetMapping("/find")
    @Operation(summary = "Find a voucher by code",
            description = "Codes are case-insensitive: summer25 finds SUMMER25. 1003 without code, 80004 when no "
                    + "voucher has the code.")
    Envelope<VoucherResponse> find(AccountId account, @RequestParam String code) {
        if (code.isBlank()) {
            throw ApiException.invalidField("code", "The code field is required.");
        }
        return Envelope.of(views.view(account, vouchers.findByCode(account, code.trim())
                .orElseThrow(VoucherService::notFound)));
    }

    @PutMapping("/{voucherUuid}")
    @Operation(summary = "Update a voucher",
            description = "status ACTIVE or DEACTIVATED (required), expiration_date (only for ACTIVE or INACTIVE "
                    + "vouchers), custom_attributes (replaces them). 1003 invalid input, 80004 unknown voucher.")
    Envelope<VoucherResponse> update(AccountId account, @PathVariable UUID voucherUuid,
                                     @Valid @RequestBody UpdateVoucherRequest request) {
        return Envelope.of(service.update(account, voucherUuid, request));
    }
}
