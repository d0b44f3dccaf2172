package io.piggy.contact;

import io.piggy.account.AccountId;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gathers the computed values other features contribute, on top of the loyalty defaults (0
 * without a loyalty feature). Beans are applied in their {@code @Order}: when two give the same
 * key, the later one wins.
 */
@Component
class ContactFactsCollector {
    static final String TOTAL_CREDITS_RECEIVED = "loyalty_total_credits_received";
    private static final Map<String, Object> DEFAULTS = defaults();
    private final List<ContactFacts> facts;

    ContactFactsCollector(List<ContactFacts> facts) {
        this.facts = facts;
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("loyalty_balance", 0L);
        d.put("previous_loyalty_balance", 0L);
        d.put("prepaid_balance", 0L);
        d.put(TOTAL_CREDITS_RECEIVED, 0L);
        d.put("loyalty_number_of_transactions", 0L);
        d.put("loyalty_first_transaction_date", null);
        d.put("loyalty_last_transaction_date", null);
        return d;
    }

    Map<String, Object> of(AccountId account, UUID contact) {
        return of(account, List.of(contact)).get(contact);
    }

    /** Each contact's facts: the defaults, then each bean's in order; one call per bean for the page. */
    Map<UUID, Map<String, Object>> of(AccountId account, List<UUID> contacts) {
        Map<UUID, Map<String, Object>> values = new HashMap<>();
        contacts.forEach(c -> values.put(c, new LinkedHashMap<>(DEFAULTS)));
        for (ContactFacts f : facts) {
            f.factsOf(account, contacts).forEach((contact, given) -> {
                Map<String, Object> into = values.get(contact);
                if (into != null) {
                    into.putAll(given);
                }
            });
        }
        return values;
    }

    static long number(Map<String, Object> values, String key) {
        return values.get(key) instanceof Number n ? n.longValue() : 0L;
    }
}
