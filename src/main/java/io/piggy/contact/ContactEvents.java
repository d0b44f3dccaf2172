package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.events.EventType;
import io.piggy.shared.events.Events;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The contact feature's events, in the transaction of the change: the contact as GET
 * /contacts/{uuid} shows it ({@code contact_updated} nests it as {@code {contact: …}}, as Piggy
 * sends it), and the identifier as the contact-identifier calls answer it.
 */
@Component
class ContactEvents {
    private final Events events;
    private final ContactViews views;

    ContactEvents(Events events, ContactViews views) {
        this.events = events;
        this.views = views;
    }

    void created(AccountId account, Contacts.Contact contact) {
        events.record(account.value(), EventType.CONTACT_CREATED, contact.id(), views.view(account, contact));
    }

    /** @param changed the attributes the update touched, null when unknown (a merge): subscriptions filter on them */
    void updated(AccountId account, Contacts.Contact contact, Collection<String> changed) {
        events.record(account.value(), EventType.CONTACT_UPDATED, contact.id(),
                Map.of("contact", views.view(account, contact)), changed);
    }

    /** Only the uuid: a deleted contact is no longer shown, and an erased one has nothing left to show. */
    void deleted(AccountId account, UUID contact) {
        events.record(account.value(), EventType.CONTACT_DELETED, contact, Map.of("uuid", contact));
    }

    void identifierCreated(AccountId account, ContactIdentifiers.Identifier identifier) {
        events.record(account.value(), EventType.CONTACT_IDENTIFIER_CREATED, identifier.contactId(),
                IdentifierResponse.of(identifier));
    }
}
