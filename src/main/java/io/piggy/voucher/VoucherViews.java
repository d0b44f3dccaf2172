package io.piggy.voucher;

import io.piggy.account.AccountId;
import io.piggy.contact.ContactDirectory;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds Voucher objects with their promotion and contact, each looked up once per call. */
@Component
class VoucherViews {
    private final Promotions promotions;
    private final ContactDirectory contacts;

    VoucherViews(Promotions promotions, ContactDirectory contacts) {
        this.promotions = promotions;
        this.contacts = contacts;
    }

    VoucherResponse view(AccountId account, Vouchers.Voucher voucher) {
        return views(account, List.of(voucher)).get(0);
    }

    List<VoucherResponse> views(AccountId account, List<Vouchers.Voucher> vouchers) {
        Map<UUID, PromotionResponse> promotionsById = new HashMap<>();
        Map<UUID, VoucherResponse.Contact> contactsById = new HashMap<>();
        return vouchers.stream().map(v -> {
            PromotionResponse promotion = promotionsById.computeIfAbsent(v.promotionId(),
                    id -> promotions.find(account, id).map(PromotionResponse::of).orElseThrow());
            VoucherResponse.Contact contact = v.contactId() == null ? null : contactsById.computeIfAbsent(v.contactId(),
                    id -> contacts.find(account, id).map(c -> new VoucherResponse.Contact(c.uuid(), c.email()))
                            .orElse(new VoucherResponse.Contact(id, null)));
            return new VoucherResponse(v.id(), v.code(), v.status(), promotion.name(), promotion.description(),
                    v.expirationDate(), v.activationDate(), v.redeemedAt(), v.remaining() == 0, v.remaining(), v.timesRedeemed(), v.redemptionsAllowed(), v.attributes(),
                    contact, promotion);
        }).toList();
    }
}
