package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.Envelope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/v3/oauth/clients/contacts")
@Tag(name = "Contacts")
class ContactMergeController {
    private final ContactMerger merger;
    private final ContactViews views;

    ContactMergeController(ContactMerger merger, ContactViews views) {
        this.merger = merger;
        this.views = views;
    }

    @PostMapping("/merge")
    @Operation(summary = "Merge two contacts",
            description = "Everything of the source (identifiers, subscriptions, attribute values, credits, vouchers, …) "
                    + "moves to the destination, whose own non-empty values win; the source is gone afterwards. Done at "
                    + "once and irreversible; answers the destination. 1003 bad input, 55031 unknown contact.")
    Envelope<ContactResponse> merge(AccountId account, @Valid @RequestBody MergeContactsRequest request) {
        return Envelope.of(views.view(account,
                merger.merge(account, request.sourceContactUuid(), request.destinationContactUuid())));
    }

    @PutMapping("/{contactUuid}/claim")
    @Operation(summary = "Claim an anonymous contact",
            description = "Gives the anonymous contact its real email. When a contact with that email exists, the "
                    + "anonymous one is merged into it (as POST /contacts/merge) and that contact is the answer. "
                    + "Repeating a claim answers the same contact. 1003 bad email, 55031 unknown contact, "
                    + "60016 contact not anonymous.")
    Envelope<ContactResponse> claim(AccountId account, @PathVariable UUID contactUuid,
                                    @Valid @RequestBody ClaimContactRequest request) {
        return Envelope.of(views.view(account, merger.claim(account, contactUuid, request.email())));
    }
}
