package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.contact.ContactFacts;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A contact's loyalty values in its current_values, read from its balance row (O(1), no ledger scan).
 * A contact that never had a transaction gets none: the contact feature's defaults (0, no dates) hold.
 */
// Applied first: the collector lets later beans override a key, so other features (and test stand-ins) can refine it.
@Order(Ordered.HIGHEST_PRECEDENCE)
@Component
class LoyaltyContactFacts implements ContactFacts {
    private final Balances balances;

    LoyaltyContactFacts(Balances balances) {
        this.balances = balances;
    }

    @Override
    public Map<String, Object> factsOf(AccountId account, UUID contact) {
        return balances.find(account, contact).map(LoyaltyContactFacts::facts).orElse(Map.of());
    }

    /** One query for the page. */
    @Override
    public Map<UUID, Map<String, Object>> factsOf(AccountId account, Collection<UUID> contacts) {
        Map<UUID, Map<String, Object>> all = new HashMap<>();
        balances.findAll(account, contacts).forEach((contact, totals) -> all.put(contact, facts(totals)));
        return all;
    }

    private static Map<String, Object> facts(Balances.Totals t) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("loyalty_balance", t.balance());
        facts.put("loyalty_total_credits_received", t.totalReceived());
        facts.put("loyalty_number_of_transactions", t.transactions());
        facts.put("loyalty_first_transaction_date", t.firstAt());
        facts.put("loyalty_last_transaction_date", t.lastAt());
        return facts;
    }
}
