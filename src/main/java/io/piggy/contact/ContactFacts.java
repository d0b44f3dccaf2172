package io.piggy.contact;

import io.piggy.account.AccountId;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Lets other features add computed system values to a contact's {@code current_values}
 * (the loyalty feature adds loyalty_balance, loyalty_total_credits_received, …) without the
 * contact feature depending on them. Implementations are Spring beans; there may be none.
 */
public interface ContactFacts {
    Map<String, Object> factsOf(AccountId account, UUID contact);

    /**
     * The facts of a page of contacts, by contact (a contact without facts may be left out). A
     * page is shown with one call: implement this with one query, not one per contact.
     */
    default Map<UUID, Map<String, Object>> factsOf(AccountId account, Collection<UUID> contacts) {
        Map<UUID, Map<String, Object>> all = new HashMap<>();
        contacts.forEach(c -> all.put(c, factsOf(account, c)));
        return all;
    }
}
