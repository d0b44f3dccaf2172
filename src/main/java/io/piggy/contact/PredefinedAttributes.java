package io.piggy.contact;

import io.piggy.shared.attribute.AttributeType;

import java.util.List;

/**
 * Piggy's own contact attributes, which every account has. Profile values can be set; email
 * changes only by claiming (soft read-only); the rest are computed (hard read-only).
 */
final class PredefinedAttributes {
    static final String PROFILE = "profile";
    static final String SYSTEM = "system";

    record Predefined(String name, String label, AttributeType type, boolean softReadOnly, boolean hardReadOnly) {
        String group() {
            return softReadOnly || hardReadOnly ? SYSTEM : PROFILE;
        }
    }

    static final List<Predefined> ALL = List.of(
            profile("firstname", "First name", AttributeType.TEXT),
            profile("lastname", "Last name", AttributeType.TEXT),
            new Predefined("email", "Email", AttributeType.EMAIL, true, false),
            profile("birthdate", "Birthdate", AttributeType.BIRTH_DATE),
            profile("phonenumber", "Phone number", AttributeType.PHONE),
            profile("address", "Address", AttributeType.TEXT),
            profile("housenumber", "House number", AttributeType.TEXT),
            profile("postalcode", "Postal code", AttributeType.TEXT),
            profile("city", "City", AttributeType.TEXT),
            profile("country", "Country", AttributeType.TEXT),
            profile("locale", "Language", AttributeType.TEXT),
            computed("age", "Age", AttributeType.NUMBER),
            computed("status", "Status", AttributeType.TEXT),
            computed("channel", "Channel", AttributeType.TEXT),
            computed("is_anonymous", "Anonymous", AttributeType.BOOLEAN),
            computed("tier", "Tier", AttributeType.TEXT),
            computed("default_contact_identifier", "Default contact identifier", AttributeType.IDENTIFIER),
            computed("loyalty_balance", "Credit balance", AttributeType.NUMBER),
            computed("previous_loyalty_balance", "Previous credit balance", AttributeType.NUMBER),
            computed("prepaid_balance", "Prepaid balance", AttributeType.NUMBER),
            computed("loyalty_total_credits_received", "Total credits received", AttributeType.NUMBER),
            computed("loyalty_number_of_transactions", "Number of transactions", AttributeType.NUMBER),
            computed("loyalty_first_transaction_date", "First transaction", AttributeType.DATE_TIME),
            computed("loyalty_last_transaction_date", "Last transaction", AttributeType.DATE_TIME),
            computed("created_at", "Created at", AttributeType.DATE_TIME),
            computed("updated_at", "Updated at", AttributeType.DATE_TIME));

    private PredefinedAttributes() {
    }

    private static Predefined profile(String name, String label, AttributeType type) {
        return new Predefined(name, label, type, false, false);
    }

    private static Predefined computed(String name, String label, AttributeType type) {
        return new Predefined(name, label, type, false, true);
    }
}
