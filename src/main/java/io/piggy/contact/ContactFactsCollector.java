package io.piggy.contact;

import io.piggy.account.AccountId;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gathers the computed values other features contribute. Beans are asked in their {@code @Order};
 * when two give the same key, the one that comes first wins. Keys nobody gives keep the loyalty
 * defaults (0 without a loyalty feature).
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
        Map<String, Object> values = new LinkedHashMap<>();
        for (ContactFacts f : facts) {
            f.factsOf(account, contact).forEach(values::putIfAbsent);
        }
        DEFAULTS.forEach(values::putIfAbsent);
        return values;
    }

    static long number(Map<String, Object> values, String key) {
        return values.get(key) instanceof Number n ? n.longValue() : 0L;
    }
}
