package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.Envelope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v3/oauth/clients")
@Tag(name = "Contact identifiers")
class ContactIdentifiersController {
    private final ContactIdentifierService identifiers;

    ContactIdentifiersController(ContactIdentifierService identifiers) {
        this.identifiers = identifiers;
    }

    @GetMapping("/contact-identifiers/find")
    @Operation(summary = "Find a contact identifier by its value",
            description = "1003 without contact_identifier_value, 60003 when unknown, 60004 when inactive.")
    Envelope<IdentifierResponse> find(AccountId account,
                                      @RequestParam(name = "contact_identifier_value", required = false) String value) {
        return Envelope.of(IdentifierResponse.of(identifiers.find(account, ContactIdentifierService.requireValue(value))));
    }

    @PostMapping("/contact-identifiers")
    @Operation(summary = "Create a contact identifier, optionally linked to a contact",
            description = "The name defaults to the value. 1003 bad input, 55031 unknown contact, 60006 when the value exists.")
    Envelope<IdentifierResponse> create(AccountId account, @RequestBody IdentifierRequest request) {
        return Envelope.of(IdentifierResponse.of(
                identifiers.create(account, request.value(), request.name(), request.contactUuid())));
    }

    @PutMapping("/contact-identifiers/link")
    @Operation(summary = "Link a contact identifier to a contact",
            description = "1003 bad input, 60003 unknown identifier, 60004 inactive, 55031 unknown contact, "
                    + "60014 linked to another contact. Linking it to the contact it is linked to already is fine.")
    Envelope<IdentifierResponse> link(AccountId account, @RequestBody IdentifierRequest request) {
        return Envelope.of(IdentifierResponse.of(identifiers.link(account, request.value(), request.contactUuid())));
    }

    @PutMapping("/contact-identifiers/unlink")
    @Operation(summary = "Unlink a contact identifier from its contact",
            description = "1003 bad input, 60003 unknown identifier, 60004 inactive, 60011 not linked.")
    Envelope<IdentifierResponse> unlink(AccountId account, @RequestBody IdentifierRequest request) {
        return Envelope.of(IdentifierResponse.of(identifiers.unlink(account, request.value())));
    }

    @PutMapping("/contact-identifiers")
    @Operation(summary = "Update a contact identifier's name or active flag",
            description = "1003 bad input, 60003 unknown identifier.")
    Envelope<IdentifierResponse> update(AccountId account, @RequestBody IdentifierRequest request) {
        return Envelope.of(IdentifierResponse.of(
                identifiers.update(account, request.value(), request.name(), request.active())));
    }

    @DeleteMapping("/contact-identifiers")
    @Operation(summary = "Delete a contact identifier", description = "1003 bad input, 60003 unknown identifier.")
    Envelope<Object> delete(AccountId account,
                            @RequestParam(name = "contact_identifier_value", required = false) String value) {
        identifiers.delete(account, value);
        return Envelope.of(null);
    }

    @GetMapping("/contacts/{contactUuid}/contact-identifiers")
    @Operation(summary = "List a contact's identifiers", description = "Its default (oldest link) first. 55031 unknown contact.")
    Envelope<List<IdentifierResponse>> ofContact(AccountId account, @PathVariable UUID contactUuid) {
        return Envelope.of(identifiers.ofContact(account, contactUuid).stream().map(IdentifierResponse::of).toList());
    }
}
