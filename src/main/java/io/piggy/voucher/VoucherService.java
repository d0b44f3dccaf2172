package io.piggy.voucher;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.db.Ids;
import io.piggy.shared.events.EventType;
import io.piggy.shared.events.Events;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Creating and changing single vouchers. */
@Service
class VoucherService {
    private static final int MAX_CODE_LENGTH = 255;
    /** A fresh random code collides rarely (the code space stays at least half free); a few tries suffice. */
    private static final int GENERATION_ATTEMPTS = 20;

    private final Vouchers vouchers;
    private final CodeSpaces codeSpaces;
    private final VoucherDraft drafts;
    private final VoucherViews views;
    private final Events events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    VoucherService(Vouchers vouchers, CodeSpaces codeSpaces, VoucherDraft drafts,
                   VoucherViews views, Events events, Clock clock) {
        this.vouchers = vouchers;
        this.codeSpaces = codeSpaces;
        this.drafts = drafts;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    /** One voucher with the given code, or a generated one. 80003 code taken, 80008 voucher limit reached. */
    @Transactional
    VoucherResponse create(AccountId account, VoucherDraft.Fields fields, String code, CodeOptions codeOptions) {
        VoucherDraft.Draft draft = drafts.resolve(account, fields);
        String explicit = code == null || code.isBlank() ? null : requireCode(code.trim());
        CodeFormat format = explicit == null ? CodeFormat.of(codeOptions) : null;
        drafts.reserve(account, draft, 1, 1);
        UUID id = Ids.next(clock);
        if (explicit != null) {
            if (!vouchers.insert(account, newVoucher(id, explicit, draft))) {
                throw new ApiException(ErrorCode.VOUCHER_ALREADY_EXISTS,
                        "A voucher with code " + explicit + " exists (codes are case-insensitive). Use another code.");
            }
        } else {
            codeSpaces.reserve(account, format, 1);
            CodeFormat.Generator generator = format.generator(random);
            boolean inserted = false;
            for (int attempt = 0; attempt < GENERATION_ATTEMPTS && !inserted; attempt++) {
                inserted = vouchers.insert(account, newVoucher(id, generator.next(), draft));
            }
            if (!inserted) {
                throw ApiException.invalidField("code_options",
                        "No free code found in this code format; use longer codes or a larger charset.");
            }
        }
        VoucherResponse view = views.view(account, vouchers.find(account, id).orElseThrow());
        events.record(account.value(), EventType.VOUCHER_CREATED, VoucherViews.contactOf(view), view);
        return view;
    }

    private static Vouchers.NewVoucher newVoucher(UUID id, String code, VoucherDraft.Draft d) {
        return new Vouchers.NewVoucher(id, code, d.promotion().id(), d.contact(), d.activationDate(),
                d.expirationDate(), d.redemptionsAllowed(), d.attributes());
    }

    private static String requireCode(String code) {
        if (code.length() > MAX_CODE_LENGTH || code.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw ApiException.invalidField("code", "The code must have 1 to " + MAX_CODE_LENGTH
                    + " characters without spaces.");
        }
        return code;
    }

    /** PUT /vouchers/{uuid}: status, expiration date (only while ACTIVE or INACTIVE) and custom attributes. */
    @Transactional
    VoucherResponse update(AccountId account, UUID id, UpdateVoucherRequest request) {
        Vouchers.Voucher voucher = vouchers.lock(account, id).orElseThrow(VoucherService::notFound);
        Instant expiration = voucher.expirationDate();
        if (request.expirationDate() != null) {
            if (!Set.of("ACTIVE", "INACTIVE").contains(voucher.status())) {
                throw ApiException.invalidField("expiration_date", "The expiration date of a " + voucher.status()
                        + " voucher cannot change; only ACTIVE or INACTIVE vouchers take a new one.");
            }
            expiration = RequestDates.parse(request.expirationDate(), "expiration_date");
            if (expiration != null && voucher.activationDate() != null && !expiration.isAfter(voucher.activationDate())) {
                throw ApiException.invalidField("expiration_date", "The expiration_date must be after the activation date.");
            }
        }
        Map<String, Object> attributes = request.customAttributes() == null ? voucher.attributes()
                : VoucherDraft.attributes(request.customAttributes(), "custom_attributes");
        vouchers.update(account, id, "DEACTIVATED".equals(request.status()), expiration, attributes);
        VoucherResponse view = views.view(account, vouchers.find(account, id).orElseThrow());
        events.record(account.value(), EventType.VOUCHER_UPDATED, VoucherViews.contactOf(view), view);
        return view;
    }

    static ApiException notFound() {
        return new ApiException(ErrorCode.VOUCHER_NOT_FOUND);
    }
}
