package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.db.FindOrCreate;
import io.piggy.shared.db.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The contact feature's face to the others: find contacts, or fail with Piggy's 55031. */
@Service
public class ContactDirectory {
    static final String API_CHANNEL = "OAUTH_API";
    /** Fictitious emails of anonymous contacts: the reserved .invalid domain can never receive mail. */
    static final String ANONYMOUS_DOMAIN = "@anonymous.invalid";
    /**
     * A query with one row (the email) when {@code :contact} is a live contact of {@code :account},
     * and none otherwise. For a feature that must check the contact inside its own write statement
     * (the credits ledger does, to keep a reception at one round trip); the contact feature owns it,
     * so it changes with the contacts table.
     */
    public static final String LIVE_CONTACT_EMAIL_SQL =
            "SELECT email FROM contacts WHERE account_id = :account AND id = :contact" + Contacts.LIVE_BY_ID;
    private final Contacts contacts;
    private final ContactIdentifierService identifiers;
    private final Clock clock;

    ContactDirectory(Contacts contacts, ContactIdentifierService identifiers, Clock clock) {
        this.contacts = contacts;
        this.identifiers = identifiers;
        this.clock = clock;
    }

    public Optional<ContactRef> find(AccountId account, UUID contact) {
        return contacts.find(account, contact).map(c -> new ContactRef(c.id(), c.email()));
    }

    /** Live contacts by id; unknown, deleted or other accounts' ids are left out. */
    public Map<UUID, ContactRef> findAll(AccountId account, Collection<UUID> ids) {
        return contacts.findAll(account, ids).stream()
                .collect(Collectors.toMap(Contacts.Contact::id, c -> new ContactRef(c.id(), c.email())));
    }

    /** A contact identifier as other features need it; {@code contact} is null when it is not linked. */
    public record IdentifierRef(String name, String value, boolean active, UUID contact) {
    }

    /** The identifier with this value: 60003 when there is none, 60004 when it is inactive, 1003 when blank. */
    public IdentifierRef requireIdentifier(AccountId account, String value) {
        ContactIdentifiers.Identifier i = identifiers.find(account, ContactIdentifierService.requireValue(value));
        return new IdentifierRef(i.name(), i.value(), i.active(), i.contactId());
    }

    public ContactRef require(AccountId account, UUID contact) {
        return find(account, contact).orElseThrow(() -> new ApiException(ErrorCode.CONTACT_NOT_FOUND));
    }

    /** Race-safe: concurrent calls for one new email yield one contact. */
    public ContactRef findOrCreate(AccountId account, String email, String channel) {
        Contacts.Contact contact = findOrCreateContact(account, email, channel);
        return new ContactRef(contact.id(), contact.email());
    }

    Contacts.Contact findOrCreateContact(AccountId account, String email, String channel) {
        return FindOrCreate.run(() -> contacts.findByEmail(account, email),
                () -> contacts.insert(account, email, false, channel, null));
    }

    /** A contact without a real email (a fictitious, unique one), optionally holding an identifier. 60014, 60004, 1003. */
    @Transactional
    Contacts.Contact createAnonymous(AccountId account, String identifierValue, String channel) {
        UUID id = Ids.next(clock);
        Contacts.Contact contact = contacts.insert(account, id, id + ANONYMOUS_DOMAIN, true, channel, null)
                .orElseThrow(() -> new ApiException(ErrorCode.CONTACT_ALREADY_EXISTS));
        if (identifierValue != null) {
            identifiers.attachToNewContact(account, identifierValue, contact.id());
        }
        return contact;
    }
}
