package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;
import java.util.regex.Pattern;

@RestController
@RequestMapping("/api/v3/oauth/clients/contacts")
@Tag(name = "Contacts")
class ContactsController {
    /** Pragmatic address check: something@domain.tld, no spaces. */
    static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
    private static final Pattern EMAIL_PATTERN = Pattern.compile(EMAIL);

    private final Contacts contacts;
    private final ContactDirectory directory;
    private final ContactViews views;

    ContactsController(Contacts contacts, ContactDirectory directory, ContactViews views) {
        this.contacts = contacts;
        this.directory = directory;
        this.views = views;
    }

    @PostMapping
    @Operation(summary = "Create a contact", description = "60005 when a contact with that email exists (case-insensitive).")
    Envelope<ContactResponse> create(AccountId account, @Valid @RequestBody CreateContactRequest request) {
        Contacts.Contact created = contacts.insert(account, request.email(), false, ContactDirectory.API_CHANNEL,
                        request.referralCode())
                .orElseThrow(() -> new ApiException(ErrorCode.CONTACT_ALREADY_EXISTS,
                        "A contact with this email already exists. Use find-or-create to get it."));
        return Envelope.of(views.view(account, created));
    }

    @GetMapping("/{contactUuid}")
    @Operation(summary = "Get a contact", description = "55031 when the contact is unknown.")
    Envelope<ContactResponse> get(AccountId account, @PathVariable UUID contactUuid) {
        return Envelope.of(views.view(account, contacts.find(account, contactUuid)
                .orElseThrow(() -> new ApiException(ErrorCode.CONTACT_NOT_FOUND))));
    }

    @GetMapping("/find-one-by")
    @Operation(summary = "Find a contact by email", description = "55031 when no contact has that email.")
    Envelope<ContactResponse> findOneBy(AccountId account, @RequestParam String email) {
        requireEmail(email);
        return Envelope.of(views.view(account, contacts.findByEmail(account, email)
                .orElseThrow(() -> new ApiException(ErrorCode.CONTACT_NOT_FOUND))));
    }

    @GetMapping("/find-or-create")
    @Operation(summary = "Find a contact by email, or create it", description = "Race-safe: concurrent calls give one contact.")
    Envelope<ContactResponse> findOrCreate(AccountId account, @RequestParam String email) {
        requireEmail(email);
        return Envelope.of(views.view(account, directory.findOrCreateContact(account, email, ContactDirectory.API_CHANNEL)));
    }

    static void requireEmail(String email) {
        if (email == null || email.isBlank() || email.length() > 255 || !EMAIL_PATTERN.matcher(email.trim()).matches()) {
            throw ApiException.invalidField("email", "The email must be a valid email address.");
        }
    }
}
