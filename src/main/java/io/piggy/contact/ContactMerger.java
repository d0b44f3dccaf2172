package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.attribute.AttributeValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Merging two contacts into one, and claiming an anonymous contact (which merges when the email
 * has a contact already). Both contacts are locked (in id order) for the whole move, and every
 * feature moves what it owns through its {@link ContactMergeStep} in the same transaction: the
 * source's data ends up at the destination exactly once, or not at all.
 */
@Service
class ContactMerger {
    private static final int MAX_MERGE_HOPS = 32;
    private final Contacts contacts;
    private final ContactIdentifiers identifiers;
    private final ContactSubscriptions subscriptions;
    private final ContactAuthTokens tokens;
    private final List<ContactMergeStep> steps;

    private final ContactEvents events;

    ContactMerger(Contacts contacts, ContactIdentifiers identifiers, ContactSubscriptions subscriptions,
                  ContactAuthTokens tokens, List<ContactMergeStep> steps, ContactEvents events) {
        this.events = events;
        this.contacts = contacts;
        this.identifiers = identifiers;
        this.subscriptions = subscriptions;
        this.tokens = tokens;
        this.steps = steps;
    }

    /** Moves everything of the source to the destination; the source is gone afterwards. 55031, 1003. */
    @Transactional
    Contacts.Contact merge(AccountId account, UUID source, UUID destination) {
        if (source.equals(destination)) {
            throw ApiException.invalidField("destination_contact_uuid", "The source and the destination must be two different contacts.");
        }
        Map<UUID, Contacts.Contact> locked = lock(account, source, destination);
        if (!locked.containsKey(source) || !locked.containsKey(destination)) {
            throw new ApiException(ErrorCode.CONTACT_NOT_FOUND, "Contact "
                    + (locked.containsKey(source) ? destination : source) + " not found.");
        }
        return mergeLocked(account, locked.get(source), locked.get(destination));
    }

    /**
     * Gives an anonymous contact its real email; when a contact has that email already, the anonymous
     * one is merged into it and that contact is the answer. Repeating a claim answers the same
     * contact. 55031 unknown, 60016 not anonymous.
     */
    @Transactional
    Contacts.Contact claim(AccountId account, UUID anonymous, String email) {
        String key = Contacts.emailKey(email);
        if (key.endsWith(ContactDirectory.ANONYMOUS_DOMAIN)) {
            throw ApiException.invalidField("email", "Send the contact's real email, not an anonymous one.");
        }
        contacts.lockEmail(account, email); // one claim or create of this email at a time
        Contacts.Contact source = contacts.findIncludingDeleted(account, anonymous)
                .orElseThrow(() -> new ApiException(ErrorCode.CONTACT_NOT_FOUND));
        if (source.deleted()) {
            return survivorWithEmail(account, source, key).orElseThrow(() -> new ApiException(ErrorCode.CONTACT_NOT_FOUND));
        }
        if (!source.anonymous()) {
            if (key.equals(Contacts.emailKey(source.email()))) {
                return source; // claimed with this email before
            }
            throw new ApiException(ErrorCode.CONTACT_NOT_ANONYMOUS, "This contact has a real email already; only anonymous contacts can be claimed.");
        }
        Optional<Contacts.Contact> existing = contacts.findByEmail(account, email);
        if (existing.isEmpty()) {
            Contacts.Contact current = lockOne(account, anonymous);
            if (!current.anonymous()) {
                throw new ApiException(ErrorCode.CONTACT_NOT_ANONYMOUS);
            }
            return contacts.claim(account, anonymous, email);
        }
        UUID destination = existing.get().id();
        Map<UUID, Contacts.Contact> locked = lock(account, anonymous, destination);
        Contacts.Contact lockedSource = locked.get(anonymous);
        if (lockedSource == null || locked.get(destination) == null) {
            throw new ApiException(ErrorCode.CONTACT_NOT_FOUND);
        }
        if (!lockedSource.anonymous()) {
            throw new ApiException(ErrorCode.CONTACT_NOT_ANONYMOUS);
        }
        return mergeLocked(account, lockedSource, locked.get(destination));
    }

    private Contacts.Contact mergeLocked(AccountId account, Contacts.Contact source, Contacts.Contact destination) {
        identifiers.moveAll(account, source.id(), destination.id());
        subscriptions.moveAll(account, source.id(), destination.id());
        contacts.replaceAttributes(account, destination.id(), mergedAttributes(source.attributes(), destination.attributes()));
        for (ContactMergeStep step : steps) {
            step.merge(account, source.id(), destination.id());
        }
        tokens.revokeAll(account, List.of(source.id()));
        contacts.markMerged(account, source.id(), destination.id());
        Contacts.Contact merged = contacts.find(account, destination.id()).orElseThrow();
        events.updated(account, merged, null);
        return merged;
    }

    /** The source's values, overwritten by every value the destination has (empty values do not count). */
    static Map<String, Object> mergedAttributes(Map<String, Object> source, Map<String, Object> destination) {
        Map<String, Object> merged = new LinkedHashMap<>();
        source.forEach((k, v) -> {
            if (!AttributeValues.isEmpty(v)) {
                merged.put(k, v);
            }
        });
        destination.forEach((k, v) -> {
            if (!AttributeValues.isEmpty(v)) {
                merged.put(k, v);
            }
        });
        return merged;
    }

    /** A repeated claim of a contact that was merged already: the live contact it went into, if it has that email. */
    private Optional<Contacts.Contact> survivorWithEmail(AccountId account, Contacts.Contact merged, String key) {
        Contacts.Contact current = merged;
        for (int hop = 0; hop < MAX_MERGE_HOPS && current.mergedInto() != null; hop++) {
            Optional<Contacts.Contact> next = contacts.findIncludingDeleted(account, current.mergedInto());
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return !current.deleted() && Objects.equals(key, Contacts.emailKey(current.email())) ? Optional.of(current) : Optional.empty();
    }

    private Map<UUID, Contacts.Contact> lock(AccountId account, UUID a, UUID b) {
        Map<UUID, Contacts.Contact> byId = new LinkedHashMap<>();
        contacts.lock(account, List.of(a, b)).forEach(c -> byId.put(c.id(), c));
        return byId;
    }

    private Contacts.Contact lockOne(AccountId account, UUID id) {
        return contacts.lock(account, List.of(id)).stream().findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.CONTACT_NOT_FOUND));
    }
}
