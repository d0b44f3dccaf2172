package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.api.ListQuery;
import io.piggy.shared.api.PageRequest;
import io.piggy.shared.api.Paging;
import io.piggy.shared.api.WholeNumbers;
import io.piggy.shared.attribute.AttributeValues;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v3/oauth/clients/contacts")
@Tag(name = "Contacts")
class ContactsController {
    static final int DEFAULT_LIMIT = 30;
    static final int MAX_LIMIT = 100;

    private final Contacts contacts;
    private final ContactDirectory directory;
    private final ContactViews views;
    private final ContactAttributeService attributes;
    private final ContactEraser eraser;

    ContactsController(Contacts contacts, ContactDirectory directory, ContactViews views,
                       ContactAttributeService attributes, ContactEraser eraser) {
        this.contacts = contacts;
        this.directory = directory;
        this.views = views;
        this.attributes = attributes;
        this.eraser = eraser;
    }

    @PostMapping
    @Operation(summary = "Create a contact", description = "1003 bad input, 60005 when a contact with that email exists (case-insensitive).")
    Envelope<ContactResponse> create(AccountId account, @Valid @RequestBody CreateContactRequest request) {
        return Envelope.of(views.view(account, insert(account, request)));
    }

    @PostMapping("/async")
    @Operation(summary = "Create a contact, answering only its uuid",
            description = "Like POST /contacts without computing the system values. 1003 bad input, 60005 email exists.")
    Envelope<ContactUuidResponse> createAsync(AccountId account, @Valid @RequestBody CreateContactRequest request) {
        return Envelope.of(new ContactUuidResponse(insert(account, request).id()));
    }

    private Contacts.Contact insert(AccountId account, CreateContactRequest request) {
        return contacts.insert(account, request.email(), false, ContactDirectory.API_CHANNEL, request.referralCode())
                .orElseThrow(() -> new ApiException(ErrorCode.CONTACT_ALREADY_EXISTS,
                        "A contact with this email already exists. Use find-or-create to get it."));
    }

    @PostMapping("/anonymous")
    @Operation(summary = "Create an anonymous contact",
            description = "The contact gets a unique fictitious email and is_anonymous true until it is claimed. "
                    + "With contact_identifier_value, that identifier is linked to it (created when unknown). "
                    + "1003 bad input, 60014 identifier linked to another contact, 60004 identifier inactive.")
    Envelope<ContactResponse> createAnonymous(AccountId account, @RequestBody(required = false) AnonymousContactRequest request) {
        String identifier = request == null ? null : request.contactIdentifierValue();
        return Envelope.of(views.view(account, directory.createAnonymous(account, identifier, ContactDirectory.API_CHANNEL)));
    }

    @GetMapping
    @Operation(summary = "List contacts",
            description = "page (from 1), limit (default 30, at most 100), sort=created_at|-created_at, "
                    + "created_at[gt|gte|lt|lte]=<ISO-8601>. 1003 bad parameter.")
    Envelope<List<ContactResponse>> list(AccountId account, @RequestParam Map<String, String> query) {
        PageRequest page = PageRequest.of(whole(query, "page"), whole(query, "limit"), DEFAULT_LIMIT, MAX_LIMIT);
        ListQuery filter = ListQuery.parse(query);
        List<Contacts.Contact> found = contacts.list(account, filter, page);
        return Envelope.of(views.views(account, found), Paging.custom(page, contacts.count(account, filter)));
    }

    private static Integer whole(Map<String, String> query, String name) {
        Long value = WholeNumbers.parse(name, query.get(name), 0, Integer.MAX_VALUE);
        return value == null ? null : value.intValue();
    }

    @GetMapping("/{contactUuid}")
    @Operation(summary = "Get a contact", description = "55031 when the contact is unknown.")
    Envelope<ContactResponse> get(AccountId account, @PathVariable UUID contactUuid) {
        return Envelope.of(views.view(account, require(account, contactUuid)));
    }

    @PutMapping("/{contactUuid}")
    @Operation(summary = "Update a contact's attribute values",
            description = "attributes: a map of attribute name to value; null or \"\" clears a value, others are kept. "
                    + "Each value is checked against its attribute's type; unknown and read-only attributes are refused. "
                    + "1003 with errors per attributes.<name> (nothing is saved then), 55031 unknown contact.")
    Envelope<ContactResponse> update(AccountId account, @PathVariable UUID contactUuid,
                                     @Valid @RequestBody UpdateContactRequest request) {
        require(account, contactUuid);
        AttributeValues.CheckedValues checked = attributes.check(account, request.attributes());
        checked.throwIfAny("attributes.");
        return Envelope.of(views.view(account, contacts.updateAttributes(account, contactUuid, checked.set(), checked.clear())
                .orElseThrow(() -> new ApiException(ErrorCode.CONTACT_NOT_FOUND))));
    }

    @PostMapping("/{contactUuid}/delete")
    @Operation(summary = "Delete a contact",
            description = "type DEFAULT: the contact leaves the API, its email and identifiers are free again, its history "
                    + "stays. type GDPR: every personal value (email, attribute values, identifiers, also in stored answers "
                    + "and pending events) is erased for good; ledger totals stay. Done at once. 1003 bad type, 55031 unknown contact.")
    Envelope<Object> delete(AccountId account, @PathVariable UUID contactUuid, @Valid @RequestBody DeleteContactRequest request) {
        ContactEraser.DeletionType type;
        try {
            type = ContactEraser.DeletionType.valueOf(request.type().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("type", "The type must be DEFAULT or GDPR.");
        }
        eraser.delete(account, contactUuid, type);
        return Envelope.of(null);
    }

    @GetMapping("/find-one-by")
    @Operation(summary = "Find a contact by email", description = "1003 bad email, 55031 when no contact has that email.")
    Envelope<ContactResponse> findOneBy(AccountId account, @RequestParam String email) {
        requireEmail(email);
        return Envelope.of(views.view(account, contacts.findByEmail(account, email)
                .orElseThrow(() -> new ApiException(ErrorCode.CONTACT_NOT_FOUND))));
    }

    @GetMapping("/find-or-create")
    @Operation(summary = "Find a contact by email, or create it", description = "Race-safe: concurrent calls give one contact. 1003 bad email.")
    Envelope<ContactResponse> findOrCreate(AccountId account, @RequestParam String email) {
        requireEmail(email);
        return Envelope.of(views.view(account, directory.findOrCreateContact(account, email, ContactDirectory.API_CHANNEL)));
    }

    @GetMapping("/find-or-create/async")
    @Operation(summary = "Find or create a contact, answering only its uuid", description = "1003 bad email.")
    Envelope<ContactUuidResponse> findOrCreateAsync(AccountId account, @RequestParam String email) {
        requireEmail(email);
        return Envelope.of(new ContactUuidResponse(
                directory.findOrCreateContact(account, email, ContactDirectory.API_CHANNEL).id()));
    }

    private Contacts.Contact require(AccountId account, UUID contact) {
        return contacts.find(account, contact).orElseThrow(() -> new ApiException(ErrorCode.CONTACT_NOT_FOUND));
    }

    static void requireEmail(String email) {
        if (!AttributeValues.isEmail(email)) {
            throw ApiException.invalidField("email", "The email must be a valid email address.");
        }
    }
}
