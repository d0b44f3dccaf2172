package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** The rules of contact identifiers: unique values, one contact each, inactive ones cannot be used. */
@Service
class ContactIdentifierService {
    static final int MAX_LENGTH = 255;
    private final ContactIdentifiers identifiers;
    private final Contacts contacts;
    private final ContactEvents events;

    ContactIdentifierService(ContactIdentifiers identifiers, Contacts contacts, ContactEvents events) {
        this.identifiers = identifiers;
        this.contacts = contacts;
        this.events = events;
    }

    static String requireValue(String value) {
        if (value == null || value.isBlank() || value.trim().length() > MAX_LENGTH) {
            throw ApiException.invalidField("contact_identifier_value",
                    "The contact_identifier_value is required (1 to " + MAX_LENGTH + " characters).");
        }
        return value.trim();
    }

    ContactIdentifiers.Identifier find(AccountId account, String value) {
        ContactIdentifiers.Identifier identifier = require(account, value);
        if (!identifier.active()) {
            throw inactive();
        }
        return identifier;
    }

    List<ContactIdentifiers.Identifier> ofContact(AccountId account, UUID contact) {
        requireContact(account, contact);
        return identifiers.ofContact(account, contact);
    }

    @Transactional
    ContactIdentifiers.Identifier create(AccountId account, String value, String name, UUID contact) {
        String v = requireValue(value);
        if (contact != null) {
            requireContact(account, contact);
        }
        if (!identifiers.insert(account, v, name == null || name.isBlank() ? v : name.trim(), contact)) {
            throw new ApiException(ErrorCode.CONTACT_IDENTIFIER_ALREADY_EXISTS,
                    "The identifier '" + v + "' exists already. Link it with PUT /contact-identifiers/link.");
        }
        ContactIdentifiers.Identifier created = identifiers.find(account, v).orElseThrow();
        events.identifierCreated(account, created);
        return created;
    }

    @Transactional
    ContactIdentifiers.Identifier link(AccountId account, String value, UUID contact) {
        String v = requireValue(value);
        if (contact == null) {
            throw ApiException.invalidField("contact_uuid", "The contact_uuid is required.");
        }
        find(account, v);
        requireContact(account, contact);
        if (!identifiers.link(account, v, contact)) {
            // linked to someone else, or changed since we looked: say which
            throw require(account, v).active() ? alreadyLinked(v) : inactive();
        }
        return identifiers.find(account, v).orElseThrow();
    }

    @Transactional
    ContactIdentifiers.Identifier unlink(AccountId account, String value) {
        String v = requireValue(value);
        ContactIdentifiers.Identifier current = find(account, v);
        if (current.contactId() == null) {
            throw new ApiException(ErrorCode.CONTACT_IDENTIFIER_NOT_LINKED, "The identifier '" + v + "' is not linked to a contact.");
        }
        identifiers.unlink(account, v);
        return identifiers.find(account, v).orElseThrow();
    }

    @Transactional
    ContactIdentifiers.Identifier update(AccountId account, String value, String name, Boolean active) {
        String v = requireValue(value);
        require(account, v);
        if (name != null && name.trim().length() > MAX_LENGTH) {
            throw ApiException.invalidField("contact_identifier_name", "The contact_identifier_name may have at most 255 characters.");
        }
        identifiers.update(account, v, name == null || name.isBlank() ? null : name.trim(), active);
        return identifiers.find(account, v).orElseThrow();
    }

    @Transactional
    void delete(AccountId account, String value) {
        if (!identifiers.delete(account, requireValue(value))) {
            throw notFound(value);
        }
    }

    /**
     * Gives a new contact an identifier: links it when it exists and is free, creates it when unknown.
     */
    @Transactional
    void attachToNewContact(AccountId account, String value, UUID contact) {
        String v = requireValue(value);
        if (identifiers.insert(account, v, v, contact)) {
            events.identifierCreated(account, identifiers.find(account, v).orElseThrow());
            return;
        }
        ContactIdentifiers.Identifier existing = find(account, v);
        if (existing.contactId() != null || !identifiers.link(account, v, contact)) {
            throw alreadyLinked(v);
        }
    }

    private ContactIdentifiers.Identifier require(AccountId account, String value) {
        return identifiers.find(account, value).orElseThrow(() -> notFound(value));
    }

    private void requireContact(AccountId account, UUID contact) {
        if (contacts.find(account, contact).isEmpty()) {
            throw new ApiException(ErrorCode.CONTACT_NOT_FOUND);
        }
    }

    private static ApiException notFound(String value) {
        return new ApiException(ErrorCode.CONTACT_IDENTIFIER_NOT_FOUND, "There is no contact identifier '" + value + "'.");
    }

    private static ApiException inactive() {
        return new ApiException(ErrorCode.CONTACT_IDENTIFIER_INACTIVE,
                "This contact identifier is inactive. Activate it with PUT /contact-identifiers first.");
    }

    private static ApiException alreadyLinked(String value) {
        return new ApiException(ErrorCode.CONTACT_IDENTIFIER_ALREADY_LINKED,
                "The identifier '" + value + "' is linked to another contact. Unlink it first.");
    }
}
