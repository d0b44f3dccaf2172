package io.piggy.voucher;

import io.piggy.account.AccountId;
import io.piggy.contact.ContactDirectory;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Checks what a new voucher (or a batch of them) gets: promotion, contact, dates, redemptions, attributes. */
@Component
class VoucherDraft {
    private final Promotions promotions;
    private final ContactDirectory contacts;
    private final Clock clock;

    VoucherDraft(Promotions promotions, ContactDirectory contacts, Clock clock) {
        this.promotions = promotions;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** The request fields single vouchers and batches share, unchecked. */
    record Fields(UUID promotionUuid, UUID contactUuid, Object activationDate, Object expirationDate,
                  Integer totalRedemptionsAllowed, Object customAttributes) {
    }

    record Draft(Promotions.Promotion promotion, UUID contact, Instant activationDate, Instant expirationDate,
                 int redemptionsAllowed, Map<String, Object> attributes) {
    }

    /** 80002 unknown promotion, 80020 inactive promotion, 55031 unknown contact, 1003 for dates, redemptions or attributes. */
    Draft resolve(AccountId account, Fields f) {
        Promotions.Promotion promotion = promotions.find(account, f.promotionUuid())
                .orElseThrow(() -> new ApiException(ErrorCode.PROMOTION_NOT_FOUND,
                        "No promotion has this promotion_uuid. List promotions with GET /promotions."));
        promotion.requireActive();
        UUID contact = f.contactUuid() == null ? null : contacts.require(account, f.contactUuid()).uuid();
        Instant activation = RequestDates.parse(f.activationDate(), "activation_date");
        Instant expiration = RequestDates.parse(f.expirationDate(), "expiration_date");
        if (expiration == null && promotion.expirationDuration() != null) {
            Instant start = activation == null ? clock.instant() : activation;
            expiration = start.plusSeconds(promotion.expirationDuration());
        }
        if (activation != null && expiration != null && !expiration.isAfter(activation)) {
            throw ApiException.invalidField("expiration_date", "The expiration_date must be after the activation_date.");
        }
        int redemptions = promotion.redemptionsPerVoucher();
        if (f.totalRedemptionsAllowed() != null) {
            if ("SINGLE_USE".equals(promotion.type()) && f.totalRedemptionsAllowed() != 1) {
                throw ApiException.invalidField("total_redemptions_allowed",
                        "Vouchers of a SINGLE_USE promotion allow 1 redemption; use a MULTI_USE promotion for more.");
            }
            redemptions = f.totalRedemptionsAllowed();
        }
        return new Draft(promotion, contact, activation, expiration, redemptions,
                attributes(f.customAttributes(), "custom_attributes"));
    }

    /**
     * Takes {@code count} vouchers from the draft's promotion ({@code created} of them made in this
     * transaction). 80008 when the voucher limit has no room, 80020 when the promotion was switched
     * off since the draft was made.
     */
    void reserve(AccountId account, Draft draft, long count, long created) {
        if (!promotions.reserveVouchers(account, draft.promotion().id(), count, created)) {
            Promotions.Promotion now = promotions.find(account, draft.promotion().id()).orElseThrow();
            now.requireActive();
            throw new ApiException(ErrorCode.VOUCHER_LIMIT_REACHED, "The promotion allows "
                    + now.voucherLimit() + " vouchers and has no room for " + (count == 1 ? "another." : count + " more."));
        }
    }

    /** Custom attributes as a map of name to value, or a list of {name, value} objects. */
    static Map<String, Object> attributes(Object value, String field) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), v));
            return result;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> pair) || !(pair.get("name") instanceof String name)) {
                    throw ApiException.invalidField(field, "Send " + field + " as an object of name to value, "
                            + "or a list of {name, value} objects.");
                }
                result.put(name, pair.get("value"));
            }
            return result;
        }
        throw ApiException.invalidField(field, "Send " + field + " as an object of name to value.");
    }
}
