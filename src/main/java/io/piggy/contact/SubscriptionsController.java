package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.PiggyExtension;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@RestController
@RequestMapping("/api/v3/oauth/clients")
@Tag(name = "Subscriptions")
class SubscriptionsController {
    private final SubscriptionTypes types;
    private final SubscriptionService subscriptions;

    SubscriptionsController(SubscriptionTypes types, SubscriptionService subscriptions) {
        this.types = types;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/subscription-types")
    @Operation(summary = "List subscription types", description = "All of the account's subscription types.")
    Envelope<List<SubscriptionTypeResponse>> types(AccountId account) {
        return Envelope.of(types.all(account).stream().map(SubscriptionTypeResponse::of).toList());
    }

    @PostMapping("/subscription-types")
    @PiggyExtension
    @Operation(summary = "Create a subscription type",
            description = "strategy OPT_IN (unsubscribed until they subscribe), OPT_OUT (subscribed until they "
                    + "unsubscribe) or DOUBLE_OPT_IN (subscribing waits for the contact's confirmation). 1003 bad input.")
    Envelope<SubscriptionTypeResponse> createType(AccountId account, @Valid @RequestBody SubscriptionTypeRequest request) {
        SubscriptionTypes.Strategy strategy = Arrays.stream(SubscriptionTypes.Strategy.values())
                .filter(s -> s.name().equals(request.strategy().trim().toUpperCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> ApiException.invalidField("strategy", "The strategy must be OPT_IN, OPT_OUT or DOUBLE_OPT_IN."));
        return Envelope.of(SubscriptionTypeResponse.of(types.insert(account, request.name().trim(), request.description(),
                request.active() == null || request.active(), strategy)));
    }

    @GetMapping("/contact-subscriptions/{contactUuid}")
    @Operation(summary = "List a contact's subscriptions", description = "One per subscription type. 55031 unknown contact.")
    Envelope<List<SubscriptionResponse>> ofContact(AccountId account, @PathVariable UUID contactUuid) {
        return Envelope.of(subscriptions.subscriptionsOf(account, contactUuid));
    }

    @PutMapping("/contact-subscriptions/{contactUuid}/subscribe")
    @Operation(summary = "Subscribe a contact",
            description = "A double opt-in type answers PENDING_CONFIRMATION until the contact confirms. "
                    + "1003 bad input or inactive type, 55031 unknown contact, 55030 unknown subscription type.")
    Envelope<SubscriptionResponse> subscribe(AccountId account, @PathVariable UUID contactUuid,
                                             @Valid @RequestBody SubscriptionRequest request) {
        subscriptions.subscribe(account, contactUuid, request.subscriptionTypeUuid());
        return Envelope.of(subscriptions.subscription(account, contactUuid, request.subscriptionTypeUuid()));
    }

    @PutMapping("/contact-subscriptions/{contactUuid}/unsubscribe")
    @Operation(summary = "Unsubscribe a contact",
            description = "1003 bad input, 55031 unknown contact, 55030 unknown subscription type.")
    Envelope<SubscriptionResponse> unsubscribe(AccountId account, @PathVariable UUID contactUuid,
                                               @Valid @RequestBody SubscriptionRequest request) {
        subscriptions.unsubscribe(account, contactUuid, request.subscriptionTypeUuid());
        return Envelope.of(subscriptions.subscription(account, contactUuid, request.subscriptionTypeUuid()));
    }
}
