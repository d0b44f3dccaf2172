package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Deleting contacts. DEFAULT takes the contact out of the API and frees its email and identifiers,
 * keeping its data. GDPR erases every personal value of the contact, and of the contacts merged
 * into it, in every table, irreversibly; the rows stay without them so ledger totals still add up.
 */
@Service
class ContactEraser {
    enum DeletionType { DEFAULT, GDPR }

    private final Contacts contacts;
    private final ContactIdentifiers identifiers;
    private final ContactSubscriptions subscriptions;
    private final ContactAuthTokens tokens;
    private final VerificationCodes codes;
    private final PersonalDataRedaction redaction;
    private final List<ContactErasureStep> steps;
    private final ContactEvents events;

    ContactEraser(Contacts contacts, ContactIdentifiers identifiers, ContactSubscriptions subscriptions,
                  ContactAuthTokens tokens, VerificationCodes codes, PersonalDataRedaction redaction,
                  List<ContactErasureStep> steps, ContactEvents events) {
        this.events = events;
        this.contacts = contacts;
        this.identifiers = identifiers;
        this.subscriptions = subscriptions;
        this.tokens = tokens;
        this.codes = codes;
        this.redaction = redaction;
        this.steps = steps;
    }

    @Transactional
    void delete(AccountId account, UUID contact, DeletionType type) {
        if (type == DeletionType.DEFAULT) {
            if (contacts.lock(account, List.of(contact)).isEmpty()) {
                throw new ApiException(ErrorCode.CONTACT_NOT_FOUND);
            }
            identifiers.unlinkAll(account, contact);
            tokens.revokeAll(account, List.of(contact));
            contacts.markDeleted(account, contact);
            events.deleted(account, contact);
        } else {
            boolean live = contacts.find(account, contact).isPresent();
            erase(account, contact);
            if (live) { // one contact_deleted per contact: a contact deleted with DEFAULT before had its event
                events.deleted(account, contact);
            }
        }
    }

    /** Also works on a contact deleted with DEFAULT before: its data is still there until erased. */
    private void erase(AccountId account, UUID contact) {
        if (contacts.lockIncludingDeleted(account, contact).isEmpty()) {
            throw new ApiException(ErrorCode.CONTACT_NOT_FOUND);
        }
        List<UUID> family = contacts.withMergedSources(account, contact);
        List<String> personal = new ArrayList<>();
        List<String> identifying = new ArrayList<>();
        for (UUID id : family) {
            contacts.findIncludingDeleted(account, id).ifPresent(c -> {
                personal.addAll(PersonalDataRedaction.valuesOf(c));
                identifying.addAll(PersonalDataRedaction.identifyingOf(c));
            });
            identifiers.ofContact(account, id).forEach(i -> {
                personal.add(i.value());
                identifying.add(i.value());
            });
        }
        for (UUID id : family) {
            for (ContactErasureStep step : steps) {
                step.erase(account, id);
            }
        }
        identifiers.deleteAll(account, family);
        subscriptions.deleteAll(account, family);
        tokens.deleteAll(account, family);
        codes.deleteAll(account, family);
        redaction.redact(account, family, identifying, personal);
        contacts.erase(account, family);
    }
}
