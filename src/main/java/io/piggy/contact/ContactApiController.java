package io.piggy.contact;

import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.api.PiggyExtension;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** What a contact can do for itself with its contact auth token. */
@RestController
@RequestMapping(ContactApiConfiguration.CONTACT_API)
@Tag(name = "Contact API")
class ContactApiController {
    private final Contacts contacts;
    private final ContactViews views;
    private final SubscriptionService subscriptions;

    ContactApiController(Contacts contacts, ContactViews views, SubscriptionService subscriptions) {
        this.contacts = contacts;
        this.views = views;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/me")
    @PiggyExtension
    @Operation(summary = "The calling contact, with its balance",
            description = "Authenticated by a contact auth token (GET /contact-verification/auth-token/{contact_uuid}). "
                    + "1401 without a token; 3000 for a tampered, revoked or expired one.")
    Envelope<ContactResponse> me(ContactSession session) {
        return Envelope.of(views.view(session.account(), contacts.find(session.account(), session.contact())
                .orElseThrow(() -> new ApiException(ErrorCode.TOKEN_EXPIRED))));
    }

    @PostMapping("/subscriptions/{subscriptionTypeUuid}/confirm")
    @PiggyExtension
    @Operation(summary = "Confirm a double opt-in subscription",
            description = "Turns PENDING_CONFIRMATION into SUBSCRIBED. 1003 when nothing waits for a confirmation, "
                    + "55030 unknown subscription type; 1401 or 3000 without a valid contact token.")
    Envelope<SubscriptionResponse> confirm(ContactSession session, @PathVariable UUID subscriptionTypeUuid) {
        subscriptions.confirm(session.account(), session.contact(), subscriptionTypeUuid);
        return Envelope.of(subscriptions.subscription(session.account(), session.contact(), subscriptionTypeUuid));
    }
}
