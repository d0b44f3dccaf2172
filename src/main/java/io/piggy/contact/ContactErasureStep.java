package io.piggy.contact;

import io.piggy.account.AccountId;

import java.util.UUID;

/**
 * A feature's share of a GDPR erasure: remove every piece of personal data it keeps about the
 * contact, irreversibly, inside the erasure transaction. Totals (ledger sums) must stay consistent.
 */
public interface ContactErasureStep {
    void erase(AccountId account, UUID contact);
}
