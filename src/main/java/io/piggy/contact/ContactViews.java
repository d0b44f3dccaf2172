package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.time.ApiTime;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the API's Contact object: stored values, computed system values (tier, subscriptions,
 * default identifier, age) and other features' facts. A page of contacts costs the same few
 * queries whatever its size (ContactViewData's, and one per facts bean), not some per contact.
 */
@Component
class ContactViews {
    private final ContactFactsCollector facts;
    private final ContactViewData data;
    private final Clock clock;

    ContactViews(ContactFactsCollector facts, ContactViewData data, Clock clock) {
        this.facts = facts;
        this.data = data;
        this.clock = clock;
    }

    ContactResponse view(AccountId account, Contacts.Contact contact) {
        return views(account, List.of(contact)).get(0);
    }

    List<ContactResponse> views(AccountId account, List<Contacts.Contact> contacts) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = contacts.stream().map(Contacts.Contact::id).toList();
        ContactViewData.Data extras = data.of(account, ids);
        Map<UUID, Map<String, Object>> factsById = facts.of(account, ids);
        LocalDate today = LocalDate.now(clock);
        return contacts.stream().map(c -> view(c, SubscriptionService.subscriptions(extras.subscriptionTypes(),
                        extras.statuses().getOrDefault(c.id(), Map.of())), extras.defaultIdentifiers().get(c.id()),
                extras.tiers(), factsById.get(c.id()), today)).toList();
    }

    private ContactResponse view(Contacts.Contact contact, List<SubscriptionResponse> subscribed,
                                 String defaultIdentifier, List<Tier> allTiers, Map<String, Object> facts, LocalDate today) {
        Map<String, Object> values = new LinkedHashMap<>(contact.attributes());
        values.put("email", contact.email());
        values.put("is_anonymous", contact.anonymous());
        values.put("channel", contact.channel());
        values.put("status", contact.status());
        values.put("age", age(contact.attributes().get("birthdate"), today));
        values.put("created_at", ApiTime.format(contact.createdAt()));
        values.put("updated_at", ApiTime.format(contact.updatedAt()));
        values.putAll(facts);
        Tier tier = TierService.tierFor(allTiers, ContactFactsCollector.number(values,
                ContactFactsCollector.TOTAL_CREDITS_RECEIVED)).orElse(null);
        values.put("tier", tier == null ? null : tier.name());
        values.put("default_contact_identifier", defaultIdentifier);
        for (SubscriptionResponse s : subscribed) {
            values.put("subscription_status_" + s.subscriptionType().id(), s.status());
        }
        long balance = ContactFactsCollector.number(values, "loyalty_balance");
        long prepaid = ContactFactsCollector.number(values, "prepaid_balance");
        Map<String, String> display = new LinkedHashMap<>();
        values.forEach((k, v) -> display.put(k, display(v)));
        return new ContactResponse(contact.displayId(), contact.id(), contact.email(), TierResponse.of(tier), subscribed,
                new ContactResponse.CreditBalance(balance), new ContactResponse.PrepaidBalance(prepaid), values, display);
    }

    private static Integer age(Object birthdate, LocalDate today) {
        if (!(birthdate instanceof String s)) {
            return null;
        }
        try {
            return Period.between(LocalDate.parse(s), today).getYears();
        } catch (DateTimeParseException e) {
            return null;
        }
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
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Map<?, ?> range && range.containsKey("start")) {
            return range.get("start") + " – " + range.get("end");
        }
        return String.valueOf(value);
    }
}
