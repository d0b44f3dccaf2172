package io.piggy.loyalty;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.piggy.account.AccountId;
import io.piggy.contact.ContactDirectory;
import io.piggy.shared.api.ApiException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * {@code contact_identifier_value} on receptions: the identifier (a loyalty card, say) the contact
 * showed. It must exist (60003), be active (60004) and not belong to another contact (1003); an
 * identifier linked to no contact is accepted as it is.
 */
@Component
class LoyaltyIdentifiers {
    private final ContactDirectory contacts;

    LoyaltyIdentifiers(ContactDirectory contacts) {
        this.contacts = contacts;
    }

    /** The identifier as a reception shows it; {@code name} and {@code active} are left out in lists. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record View(String name, String value, Boolean active) {
        static View of(String value) {
            return value == null ? null : new View(null, value, null);
        }
    }

    /** @return null when no value was sent */
    View resolve(AccountId account, String value, UUID contact) {
        if (value == null || value.isBlank()) {
            return null;
        }
        ContactDirectory.IdentifierRef identifier = contacts.requireIdentifier(account, value);
        if (identifier.contact() != null && !identifier.contact().equals(contact)) {
            throw ApiException.invalidField("contact_identifier_value",
                    "The identifier '" + identifier.value() + "' belongs to another contact.");
        }
        return new View(identifier.name(), identifier.value(), identifier.active());
    }
}
