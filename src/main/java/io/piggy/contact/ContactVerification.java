package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/** One-time codes that prove a person controls a contact's email. Mail is out of scope: the code is logged. */
@Service
class ContactVerification {
    private static final Logger log = LoggerFactory.getLogger(ContactVerification.class);
    private final VerificationCodes codes;
    private final Contacts contacts;

    ContactVerification(VerificationCodes codes, Contacts contacts) {
        this.codes = codes;
        this.contacts = contacts;
    }

    /** @return the contact the code was recorded for; 55031 when no contact has the email */
    @Transactional
    Contacts.Contact send(AccountId account, String email) {
        ContactsController.requireEmail(email);
        Contacts.Contact contact = contacts.findByEmail(account, email)
                .orElseThrow(() -> new ApiException(ErrorCode.CONTACT_NOT_FOUND));
        String code = codes.issue(account, contact.id());
        log.info("Verification code for contact {}: {} (mail delivery is not set up; pass it on by hand)", contact.id(), code);
        return contact;
    }

    /** The contact whose code this is, using the code up; 13010 otherwise. A miss counts even though the answer is an error. */
    @Transactional(noRollbackFor = ApiException.class)
    UUID verify(AccountId account, String email, String code) {
        if (code == null || code.isBlank()) {
            throw ApiException.invalidField("code", "The code field is required.");
        }
        return contacts.findByEmail(account, email)
                .filter(c -> codes.use(account, c.id(), code.trim()))
                .map(Contacts.Contact::id)
                .orElseThrow(() -> new ApiException(ErrorCode.PASSCODE_NOT_FOUND,
                        "This code is wrong, used or expired. Ask for a new one with /contact-verification/send."));
    }
}
