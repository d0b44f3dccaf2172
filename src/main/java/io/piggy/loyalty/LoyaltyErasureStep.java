package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.contact.ContactErasureStep;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * GDPR erasure: the custom attributes and identifier values of the contact's receptions may be
 * personal, so they go. The ledger rows (ids, credits, shops, dates) stay, keeping every total and
 * balance consistent.
 */
@Component
class LoyaltyErasureStep implements ContactErasureStep {
    private final Balances balances;
    private final LoyaltyTransactions transactions;

    LoyaltyErasureStep(Balances balances, LoyaltyTransactions transactions) {
        this.balances = balances;
        this.transactions = transactions;
    }

    @Override
    @Transactional
    public void erase(AccountId account, UUID contact) {
        Set<UUID> contacts = new HashSet<>(balances.members(account, contact));
        contacts.add(contact); // also when it was merged into another: its own receptions' data goes
        transactions.eraseDetails(account, contacts);
    }
}
