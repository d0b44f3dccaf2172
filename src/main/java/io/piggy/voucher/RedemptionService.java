package io.piggy.voucher;

import io.piggy.account.AccountId;
import io.piggy.account.ShopDirectory;
import io.piggy.contact.ContactDirectory;
import io.piggy.contact.ContactRef;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.events.EventType;
import io.piggy.shared.events.Events;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Locks, redemptions, reversals and validation. Every change reads the voucher with a row lock
 * first, so parallel requests on one voucher run one after the other and see each other's effects:
 * a voucher allowing k redemptions is redeemed exactly k times, and only one lock is ever held.
 */
@Service
class RedemptionService {
    static final Duration LOCK_DURATION = Duration.ofHours(1);

    private final Vouchers vouchers;
    private final Redemptions redemptions;
    private final Promotions promotions;
    private final ContactDirectory contacts;
    private final ShopDirectory shops;
    private final VoucherViews views;
    private final Events events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RedemptionService(Vouchers vouchers, Redemptions redemptions, Promotions promotions, ContactDirectory contacts,
                      ShopDirectory shops, VoucherViews views, Events events, Clock clock) {
        this.vouchers = vouchers;
        this.redemptions = redemptions;
        this.promotions = promotions;
        this.contacts = contacts;
        this.shops = shops;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    /** What a redeem (or validate) asks for. */
    record Redeem(String code, UUID contact, UUID shop, String releaseKey, int times) {
    }

    @Transactional
    LockResponse lock(AccountId account, UUID id) {
        Vouchers.Voucher voucher = vouchers.lock(account, id).orElseThrow(VoucherService::notFound);
        promotions.find(account, voucher.promotionId()).orElseThrow().requireActive();
        requireUsable(voucher, null);
        Instant now = clock.instant();
        String key = HexFormat.of().formatHex(bytes(16));
        vouchers.setLock(account, id, key, now, now.plus(LOCK_DURATION));
        return lockResponse(account, id);
    }

    @Transactional
    LockResponse release(AccountId account, UUID id, String releaseKey) {
        if (releaseKey == null || releaseKey.isBlank()) {
            throw ApiException.invalidField("release_key", "The release_key field is required: send the key the lock gave.");
        }
        Vouchers.Voucher voucher = vouchers.lock(account, id).orElseThrow(VoucherService::notFound);
        switch (voucher.status()) {
            case "REDEEMED" -> throw new ApiException(ErrorCode.VOUCHER_ALREADY_REDEEMED);
            case "EXPIRED" -> throw new ApiException(ErrorCode.VOUCHER_EXPIRED);
            case "LOCKED" -> {
                if (!releaseKey.equals(voucher.releaseKey())) {
                    throw ApiException.invalidField("release_key", "This release_key does not match the voucher's lock.");
                }
                vouchers.release(account, id, clock.instant());
            }
            default -> {
                // not locked (any more): releasing is a no-op
            }
        }
        return lockResponse(account, id);
    }

    private LockResponse lockResponse(AccountId account, UUID id) {
        Vouchers.Voucher v = vouchers.find(account, id).orElseThrow();
        VoucherResponse view = views.view(account, v);
        events.record(account.value(), EventType.VOUCHER_UPDATED, VoucherViews.contactOf(view), view);
        return new LockResponse(view, new LockResponse.Lock(v.releaseKey(), v.lockedAt(),
                v.unlockedAt(), v.lockReleaseAt()));
    }

    /**
     * Everything that needs no lock (shop, promotion, contact, the contact's count) comes first; the
     * voucher is then redeemed by one guarded UPDATE, so its row lock (the hot spot of a public
     * code) is held only for that UPDATE, two INSERTs and the commit. When a guard fails the
     * voucher is read again to say which.
     */
    @Transactional
    MultiRedeemResponse redeem(AccountId account, Redeem request) {
        if (request.shop() != null) {
            shops.require(account, request.shop());
        }
        Vouchers.Voucher voucher = vouchers.findByCode(account, request.code()).orElseThrow(VoucherService::notFound);
        Promotions.Promotion promotion = promotions.find(account, voucher.promotionId()).orElseThrow();
        // a switch-off that commits after this read does not stop this redeem (see docs/decisions.md)
        promotion.requireActive();
        Instant now = clock.instant();
        Vouchers.Voucher redeemed = null;
        VoucherResponse.Contact contact = null;
        boolean counted = false;
        for (int attempt = 0; redeemed == null; attempt++) {
            if (attempt == 3) {
                throw new IllegalStateException("Voucher " + voucher.id() + " kept changing while being redeemed");
            }
            if (attempt > 0) {
                voucher = vouchers.find(account, voucher.id()).orElseThrow(VoucherService::notFound);
            }
            requireUsable(voucher, request.releaseKey());
            contact = contactFor(account, voucher, request.contact());
            if (voucher.remaining() < request.times()) {
                throw new ApiException(ErrorCode.VOUCHER_NOT_ENOUGH_REDEMPTIONS, "The voucher has "
                        + voucher.remaining() + " redemptions left; ask for at most that many.");
            }
            if (!counted && promotion.limitPerContact() != null && !redemptions.countForContact(account,
                    promotion.id(), contact.uuid(), request.times(), promotion.limitPerContact())) {
                throw contactLimitReached(promotion);
            }
            counted = true; // a contact changed by a merge meanwhile keeps the count taken: the merge adds it up
            redeemed = vouchers.redeem(account, voucher.id(), voucher.contactId(), request.releaseKey(),
                    request.times(), now).orElse(null);
        }
        List<Redemptions.Redemption> rows = redemptions.insert(account, redeemed, contact.uuid(), request.shop(),
                request.times(), now);
        VoucherResponse view = views.view(account, redeemed, promotion, contact);
        events.record(account.value(), EventType.VOUCHER_REDEEMED, VoucherViews.contactOf(view), view);
        return new MultiRedeemResponse(view, rows.stream()
                .map(r -> new MultiRedeemResponse.Redemption(r.id(), r.createdAt())).toList());
    }

    /** Runs every check of a redeem without redeeming. */
    @Transactional(readOnly = true)
    VoucherResponse validate(AccountId account, UUID id, Redeem request) {
        if (request.shop() != null) {
            shops.require(account, request.shop());
        }
        Vouchers.Voucher voucher = vouchers.find(account, id).orElseThrow(VoucherService::notFound);
        Promotions.Promotion promotion = promotions.find(account, voucher.promotionId()).orElseThrow();
        promotion.requireActive();
        requireUsable(voucher, request.releaseKey());
        UUID contact = contactFor(account, voucher, request.contact()).uuid();
        if (promotion.limitPerContact() != null
                && redemptions.countOfContact(account, promotion.id(), contact) + 1 > promotion.limitPerContact()) {
            throw contactLimitReached(promotion);
        }
        return views.view(account, voucher);
    }

    /**
     * Reverses a redemption: {@code id} is a redemption's uuid, or a voucher's (its latest
     * redemption is reversed). The reversal is a new row; the voucher gets the redemption back.
     */
    @Transactional
    VoucherResponse reverse(AccountId account, UUID id) {
        Redemptions.Redemption redemption = redemptions.find(account, id).orElse(null);
        if (redemption == null) {
            Vouchers.Voucher voucher = vouchers.find(account, id).orElseThrow(VoucherService::notFound);
            redemption = redemptions.latestUnreversed(account, voucher.id()).orElseThrow(() -> ApiException.invalidField(
                    "uuid", "This voucher has no redemption left to reverse."));
        }
        // the contact's count first, then the voucher: the order redeem takes them in, so the two never deadlock
        redemptions.uncountForContact(account, redemption.promotionId(), redemption.contactId());
        Vouchers.Voucher voucher = vouchers.lock(account, redemption.voucherId()).orElseThrow();
        Instant now = clock.instant();
        if (!redemptions.reverse(account, redemption, now)) {
            throw ApiException.invalidField("uuid", "This redemption was reversed already.");
        }
        vouchers.unredeem(account, voucher.id(), now);
        VoucherResponse view = views.view(account, vouchers.find(account, voucher.id()).orElseThrow());
        events.record(account.value(), EventType.VOUCHER_UPDATED, VoucherViews.contactOf(view), view);
        return view;
    }

    /** The status checks of lock and redeem; a locked voucher passes only with its release key. */
    private static void requireUsable(Vouchers.Voucher voucher, String releaseKey) {
        switch (voucher.status()) {
            case "DEACTIVATED" -> throw new ApiException(ErrorCode.VOUCHER_DEACTIVATED);
            case "REDEEMED" -> throw new ApiException(ErrorCode.VOUCHER_ALREADY_REDEEMED);
            case "EXPIRED" -> throw new ApiException(ErrorCode.VOUCHER_EXPIRED);
            case "INACTIVE" -> throw new ApiException(ErrorCode.VOUCHER_INACTIVE, "The voucher is not active yet; it "
                    + "activates at its activation_date.");
            case "LOCKED" -> {
                if (releaseKey == null || !releaseKey.equals(voucher.releaseKey())) {
                    throw new ApiException(ErrorCode.VOUCHER_LOCKED, "The voucher is locked; send the lock's release_key.");
                }
            }
            default -> {
            }
        }
    }

    /** The voucher's own contact, or the one sent when the voucher has none. */
    private VoucherResponse.Contact contactFor(AccountId account, Vouchers.Voucher voucher, UUID requested) {
        if (voucher.contactId() != null) {
            if (requested != null && !requested.equals(voucher.contactId())) {
                throw ApiException.invalidField("contact_uuid", "This voucher belongs to another contact.");
            }
            return views.contact(account, voucher.contactId());
        }
        if (requested == null) {
            throw ApiException.invalidField("contact_uuid", "The contact_uuid field is required: this voucher has no contact.");
        }
        ContactRef ref = contacts.require(account, requested);
        return new VoucherResponse.Contact(ref.uuid(), ref.email());
    }

    private static ApiException contactLimitReached(Promotions.Promotion promotion) {
        return new ApiException(ErrorCode.CLAIM_LIMIT_REACHED, "This contact has reached the promotion's limit of "
                + promotion.limitPerContact() + " redemptions per contact.");
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
