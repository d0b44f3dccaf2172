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

    /** The contact a voucher's events concern, or null. */
    static UUID contactOf(VoucherResponse view) {
        return view.contact() == null ? null : view.contact().uuid();
    }

    VoucherResponse view(AccountId account, Vouchers.Voucher voucher) {
        return views(account, List.of(voucher)).get(0);
    }

    /** With promotion and contact at hand already: no reads while a redemption holds the voucher's lock. */
    VoucherResponse view(AccountId account, Vouchers.Voucher voucher, Promotions.Promotion promotion,
                         VoucherResponse.Contact contact) {
        return views(account, List.of(voucher), Map.of(promotion.id(), PromotionResponse.of(promotion)),
                contact == null ? Map.of() : Map.of(contact.uuid(), contact)).get(0);
    }

    List<VoucherResponse> views(AccountId account, List<Vouchers.Voucher> vouchers) {
        return views(account, vouchers, Map.of(), Map.of());
    }

    /** The voucher's contact as Voucher objects show it; the uuid alone if the contact is gone. */
    VoucherResponse.Contact contact(AccountId account, UUID id) {
        return contacts.find(account, id).map(c -> new VoucherResponse.Contact(c.uuid(), c.email()))
                .orElse(new VoucherResponse.Contact(id, null));
    }

    private List<VoucherResponse> views(AccountId account, List<Vouchers.Voucher> vouchers,
                                        Map<UUID, PromotionResponse> knownPromotions,
                                        Map<UUID, VoucherResponse.Contact> knownContacts) {
        Map<UUID, PromotionResponse> promotionsById = new HashMap<>(knownPromotions);
        Map<UUID, VoucherResponse.Contact> contactsById = new HashMap<>(knownContacts);
        return vouchers.stream().map(v -> {
            PromotionResponse promotion = promotionsById.computeIfAbsent(v.promotionId(),
                    id -> promotions.find(account, id).map(PromotionResponse::of).orElseThrow());
            VoucherResponse.Contact contact = v.contactId() == null ? null
                    : contactsById.computeIfAbsent(v.contactId(), id -> contact(account, id));
            return new VoucherResponse(v.id(), v.code(), v.status(), promotion.name(), promotion.description(),
                    v.expirationDate(), v.activationDate(), v.redeemedAt(), v.remaining() == 0, v.remaining(), v.timesRedeemed(), v.redemptionsAllowed(), v.attributes(),
                    contact, promotion);
        }).toList();
    }
}
