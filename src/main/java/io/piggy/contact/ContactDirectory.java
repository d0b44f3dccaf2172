package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The contact feature's face to the others: find contacts, or fail with Piggy's 55031. */
@Service
public class ContactDirectory {
    static final String API_CHANNEL = "OAUTH_API";
    /**
     * A query with one row (the email) when {@code :contact} is a live contact of {@code :account},
     * and none otherwise. For a feature that must check the contact inside its own write statement
     * (the credits ledger does, to keep a reception at one round trip); the contact feature owns it,
     * so it changes with the contacts table.
     */
    public static final String LIVE_CONTACT_EMAIL_SQL = """
            SELECT email FROM contacts WHERE account_id = :account AND id = :contact AND deleted_at IS NULL""";
    private final Contacts contacts;

    ContactDirectory(Contacts contacts) {
        this.contacts = contacts;
    }

    public Optional<ContactRef> find(AccountId account, UUID contact) {
        return contacts.find(account, contact).map(c -> new ContactRef(c.id(), c.email()));
    }

    /** Live contacts by id; unknown, deleted or other accounts' ids are left out. */
    public Map<UUID, ContactRef> findAll(AccountId account, Collection<UUID> ids) {
        return contacts.findAll(account, ids).stream()
                .collect(Collectors.toMap(Contacts.Contact::id, c -> new ContactRef(c.id(), c.email())));
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
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Contacts.Contact> existing = contacts.findByEmail(account, email);
            if (existing.isPresent()) {
                return existing.get();
            }
            Optional<Contacts.Contact> created = contacts.insert(account, email, false, channel, null);
            if (created.isPresent()) {
                return created.get();
            }
            // lost the race to a concurrent insert: the next read finds the winner
        }
        throw new IllegalStateException("Contact " + email + " neither found nor created");
    }
}
