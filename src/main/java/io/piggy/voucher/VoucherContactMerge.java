package io.piggy.voucher;

import io.piggy.account.AccountId;
import io.piggy.contact.ContactMergeStep;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * Contact merge: the source's vouchers, redemptions and per-promotion redemption counts become the
 * destination's. Counts add up, so limit_per_contact keeps counting every redemption either made
 * (a merged contact may sit above a limit; it then simply cannot redeem more).
 */
@Component
class VoucherContactMerge implements ContactMergeStep {
    private final Vouchers vouchers;
    private final Redemptions redemptions;

    VoucherContactMerge(Vouchers vouchers, Redemptions redemptions) {
        this.vouchers = vouchers;
        this.redemptions = redemptions;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void merge(AccountId account, UUID source, UUID destination) {
        if (source.equals(destination)) {
            return;
        }
        // counts before vouchers: the order redeem locks them in
        redemptions.moveContact(account, source, destination);
        vouchers.moveContact(account, source, destination);
    }
}
