package io.piggy.contact;

import io.piggy.account.AccountId;

import java.util.Map;
import java.util.UUID;

/**
 * Lets other features add computed system values to a contact's {@code current_values}
 * (the loyalty feature adds loyalty_balance, loyalty_total_credits_received, …) without the
 * contact feature depending on them. Implementations are Spring beans; there may be none.
 */
public interface ContactFacts {
    Map<String, Object> factsOf(AccountId account, UUID contact);
}
