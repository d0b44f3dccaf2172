package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.db.FindOrCreate;
import io.piggy.shared.db.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** The contact feature's face to the others: find contacts, or fail with Piggy's 55031. */
@Service
public class ContactDirectory {
    static final String API_CHANNEL = "OAUTH_API";
    /** Fictitious emails of anonymous contacts: the reserved .invalid domain can never receive mail. */
    static final String ANONYMOUS_DOMAIN = "@anonymous.invalid";
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
