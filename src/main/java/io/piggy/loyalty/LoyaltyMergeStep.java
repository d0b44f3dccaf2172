package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.contact.ContactMergeStep;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * On claim or merge the destination gets the source's balance, totals and history. Ledger rows
 * are never rewritten: the source's balance row is zeroed and marked merged into the destination,
 * and from then on every history, claim-limit and audit query counts the source's rows for the
 * destination. Nothing is moved twice (a repeated merge finds nothing left) and nothing is lost.
 */
@Component
class LoyaltyMergeStep implements ContactMergeStep {
    private final Balances balances;

    LoyaltyMergeStep(Balances balances) {
        this.balances = balances;
    }

    @Override
    @Transactional
    public void merge(AccountId account, UUID source, UUID destination) {
        if (!source.equals(destination)) {
            balances.merge(account, source, destination);
        }
    }
}
