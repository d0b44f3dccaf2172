package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.time.ApiTime;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the API's Contact object: stored values, computed system values and other features' facts. */
@Component
class ContactViews {
    private final List<ContactFacts> facts;

    ContactViews(List<ContactFacts> facts) {
        this.facts = facts;
    }

    ContactResponse view(AccountId account, Contacts.Contact contact) {
        Map<String, Object> values = new LinkedHashMap<>(contact.attributes());
        values.put("email", contact.email());
        values.put("is_anonymous", contact.anonymous());
        values.put("channel", contact.channel());
        values.put("status", contact.status());
        values.put("created_at", ApiTime.format(contact.createdAt()));
        values.put("updated_at", ApiTime.format(contact.updatedAt()));
        values.putIfAbsent("loyalty_balance", 0L);
        values.putIfAbsent("prepaid_balance", 0L);
        for (ContactFacts f : facts) {
            values.putAll(f.factsOf(account, contact.id()));
        }
        long balance = values.get("loyalty_balance") instanceof Number n ? n.longValue() : 0L;
        long prepaid = values.get("prepaid_balance") instanceof Number n ? n.longValue() : 0L;
        Map<String, String> display = new LinkedHashMap<>();
        values.forEach((k, v) -> display.put(k, display(v)));
        return new ContactResponse(contact.displayId(), contact.id(), contact.email(), null, List.of(),
                new ContactResponse.CreditBalance(balance), new ContactResponse.PrepaidBalance(prepaid), values, display);
    }

    private static String display(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return ApiTime.format(i);
        }
        if (value instanceof Boolean b) {
            return b ? "Yes" : "No";
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}
