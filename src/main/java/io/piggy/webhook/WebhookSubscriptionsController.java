package io.piggy.webhook;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/v3/oauth/clients/webhook-subscriptions")
@Tag(name = "Webhooks")
class WebhookSubscriptionsController {
    private static final Set<String> STATUSES = Set.of("ACTIVE", "INACTIVE");
    private final WebhookSubscriptions subscriptions;
    private final WebhookSubscriptionService service;

    WebhookSubscriptionsController(WebhookSubscriptions subscriptions, WebhookSubscriptionService service) {
        this.subscriptions = subscriptions;
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "List webhook subscriptions", description = "Oldest first; filters event_type and status "
            + "(ACTIVE or INACTIVE). 1003 for an unknown status.")
    Envelope<List<SubscriptionResponse>> list(AccountId account, @RequestParam(name = "event_type", required = false) String eventType,
                                              @RequestParam(required = false) String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.invalidField("status", "The status must be ACTIVE or INACTIVE.");
        }
        return Envelope.of(subscriptions.list(account, eventType, status).stream().map(SubscriptionResponse::of).toList());
    }

    @PostMapping
    @Operation(summary = "Create a webhook subscription", description = "name, event_type and url are required; secret "
            + "signs the deliveries (else the account secret does); attributes (for contact_updated) names the contact "
            + "attributes whose change triggers it, none meaning any. Events recorded from now on are delivered. 1003 "
            + "for a bad url (not http or https, or a private, loopback or link-local address) or event type.")
    Envelope<SubscriptionResponse> create(AccountId account, @Valid @RequestBody SubscriptionRequest request) {
        return Envelope.of(SubscriptionResponse.of(service.create(account, request)));
    }

    @GetMapping("/{webhookSubscriptionUuid}")
    @Operation(summary = "Get a webhook subscription", description = "80300 when the subscription is unknown.")
    Envelope<SubscriptionResponse> get(AccountId account, @PathVariable UUID webhookSubscriptionUuid) {
        return Envelope.of(SubscriptionResponse.of(service.find(account, webhookSubscriptionUuid)));
    }

    @PutMapping("/{webhookSubscriptionUuid}")
    @Operation(summary = "Update a webhook subscription", description = "Changes the fields it is given: name, url, "
            + "status, attributes and secret (an empty secret falls back to the account secret). event_type cannot "
            + "change. Setting ACTIVE again clears the reason it went INACTIVE. 1003 on invalid input, 80300 unknown.")
    Envelope<SubscriptionResponse> update(AccountId account, @PathVariable UUID webhookSubscriptionUuid,
                                          @Valid @RequestBody SubscriptionRequest request) {
        return Envelope.of(SubscriptionResponse.of(service.update(account, webhookSubscriptionUuid, request)));
    }

    @DeleteMapping("/{webhookSubscriptionUuid}")
    @Operation(summary = "Delete a webhook subscription", description = "With its pending deliveries and its log. 80300 unknown.")
    Envelope<List<Object>> delete(AccountId account, @PathVariable UUID webhookSubscriptionUuid) {
        service.delete(account, webhookSubscriptionUuid);
        return Envelope.of(List.of(), List.of());
    }
}
