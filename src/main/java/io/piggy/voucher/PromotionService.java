package io.piggy.voucher;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.api.WholeNumbers;
import org.springframework.stereotype.Service;
import io.piggy.shared.events.EventType;
import io.piggy.shared.events.Events;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Creating and changing promotions. */
@Service
class PromotionService {
    private final Promotions promotions;
    private final PromotionAttributes attributes;
    private final Events events;

    PromotionService(Promotions promotions, PromotionAttributes attributes, Events events) {
        this.promotions = promotions;
        this.attributes = attributes;
        this.events = events;
    }

    @Transactional
    Promotions.Promotion create(AccountId account, CreatePromotionRequest request) {
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
        requireKnownAttributes(account, values.keySet());
        return promotions.create(account, request.name().trim(), request.description(), type, redemptions,
                request.voucherLimit(), request.limitPerContact(), request.expirationDuration(), values);
    }

    /**
     * Changes what the request names, under the promotion's row lock: voucher creations wait for
     * it, so a new voucher_limit is checked against an exact count. 80002 unknown, 1003 invalid.
     */
    @Transactional
    Promotions.Promotion update(AccountId account, UUID id, UpdatePromotionRequest r) {
        Promotions.Locked locked = promotions.lock(account, id).orElseThrow(() -> new ApiException(
                ErrorCode.PROMOTION_NOT_FOUND, "No promotion has this uuid. List promotions with GET /promotions."));
        Promotions.Promotion p = locked.promotion();
        if (r.name() != null && r.name().isBlank()) {
            throw ApiException.invalidField("name", "The name may not be empty; leave it out to keep it.");
        }
        if (r.type() != null && !r.type().equals(p.type())) {
            throw ApiException.invalidField("type", "The type of a promotion cannot change (its vouchers were made "
                    + "for " + p.type() + "); create a new promotion instead.");
        }
        if (r.redemptionsPerVoucher() != null && r.redemptionsPerVoucher() != p.redemptionsPerVoucher()) {
            throw ApiException.invalidField("redemptions_per_voucher", "The redemptions per voucher cannot change "
                    + "(its vouchers were made with " + p.redemptionsPerVoucher() + "); create a new promotion instead.");
        }
        Long voucherLimit = removable("voucher_limit", r.voucherLimit(), p.voucherLimit(), Long.MAX_VALUE);
        if (voucherLimit != null && voucherLimit < locked.reservedVouchers()) {
            throw ApiException.invalidField("voucher_limit", "The promotion has " + locked.reservedVouchers()
                    + " vouchers (made, or reserved by batches that are running); the voucher_limit must be at least "
                    + Math.max(1, locked.reservedVouchers()) + ", or null for no limit.");
        }
        Long perContact = removable("limit_per_contact", r.limitPerContact(),
                p.limitPerContact() == null ? null : p.limitPerContact().longValue(), Integer.MAX_VALUE);
        Long expiration = removable("expiration_duration", r.expirationDuration(), p.expirationDuration(), Long.MAX_VALUE);
        Map<String, Object> values = new LinkedHashMap<>(p.attributes());
        if (r.attributes() != null) {
            requireKnownAttributes(account, r.attributes().keySet());
            r.attributes().forEach((name, value) -> {
                if (value == null) {
                    values.remove(name);
                } else {
                    values.put(name, value);
                }
            });
        }
        Promotions.Promotion updated = promotions.update(account, id, new Promotions.Changes(
                r.name() == null ? p.name() : r.name().trim(),
                r.description() == null ? p.description() : r.description(),
                voucherLimit, perContact == null ? null : perContact.intValue(), expiration, values,
                r.status() == null ? p.active() : "ACTIVE".equals(r.status())));
        events.record(account.value(), EventType.PROMOTION_UPDATED, PromotionResponse.of(updated));
        return updated;
    }

    private void requireKnownAttributes(AccountId account, Set<String> names) {
        if (names.isEmpty()) {
            return;
        }
        Set<String> known = attributes.names(account);
        for (String name : names) {
            if (!known.contains(name)) {
                throw ApiException.invalidField("attributes." + name,
                        "No promotion attribute is named " + name + "; create it with POST /promotion-attributes first.");
            }
        }
    }

    /**
     * A limit or duration of a PUT: absent keeps {@code current}; null or an empty value (what a
     * form sends for "none") removes it; otherwise a whole number from 1 to {@code max}.
     */
    static Long removable(String field, JsonNode node, Long current, long max) {
        return node == null ? current : WholeNumbers.removable(field, node, 1, max);
    }
}
