package io.piggy.webhook;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.api.FieldErrors;
import io.piggy.shared.db.Ids;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Creating, changing and removing subscriptions, with the checks on their fields. */
@Service
class WebhookSubscriptionService {
    private final WebhookSubscriptions subscriptions;
    private final Targets targets;
    private final Clock clock;

    WebhookSubscriptionService(WebhookSubscriptions subscriptions, WebhookProperties properties, Clock clock) {
        this.subscriptions = subscriptions;
        this.targets = new Targets(properties.allowPrivateAddresses());
        this.clock = clock;
    }

    WebhookSubscriptions.Subscription create(AccountId account, SubscriptionRequest r) {
        FieldErrors errors = new FieldErrors();
        if (r.name() == null || r.name().isBlank()) {
            errors.add("name", "The name field is required.");
        }
        if (r.eventType() == null || r.eventType().isBlank()) {
            errors.add("event_type", "The event type field is required.");
        } else if (!WebhookEventTypes.ACCEPTED.contains(r.eventType())) {
            errors.add("event_type", "The event type must be one of " + String.join(", ", WebhookEventTypes.ACCEPTED) + ".");
        }
        checkUrl(r.url(), errors);
        errors.throwIfAny();
        Instant now = clock.instant();
        return subscriptions.create(account, new WebhookSubscriptions.Subscription(Ids.next(clock), r.name().trim(),
                r.eventType(), r.url().trim(), blankToNull(r.secret()), r.status() == null ? "ACTIVE" : r.status(),
                null, attributes(r.attributes()), now, now));
    }

    WebhookSubscriptions.Subscription update(AccountId account, UUID id, SubscriptionRequest r) {
        WebhookSubscriptions.Subscription current = find(account, id);
        FieldErrors errors = new FieldErrors();
        if (r.name() != null && r.name().isBlank()) {
            errors.add("name", "The name may not be empty.");
        }
        if (r.eventType() != null && !r.eventType().equals(current.eventType())) {
            errors.add("event_type", "The event type of a subscription cannot change; create another subscription.");
        }
        if (r.url() != null) {
            checkUrl(r.url(), errors);
        }
        errors.throwIfAny();
        WebhookSubscriptions.Subscription changed = new WebhookSubscriptions.Subscription(id,
                r.name() == null ? current.name() : r.name().trim(), current.eventType(),
                r.url() == null ? current.url() : r.url().trim(),
                r.secret() == null ? current.secret() : blankToNull(r.secret()),
                r.status() == null ? current.status() : r.status(), current.statusReason(),
                r.attributes() == null ? current.attributes() : attributes(r.attributes()),
                current.createdAt(), current.updatedAt());
        return subscriptions.update(account, changed, clock.instant()).orElseThrow(WebhookSubscriptionService::notFound);
    }

    WebhookSubscriptions.Subscription find(AccountId account, UUID id) {
        return subscriptions.find(account, id).orElseThrow(WebhookSubscriptionService::notFound);
    }

    void delete(AccountId account, UUID id) {
        if (!subscriptions.delete(account, id)) {
            throw notFound();
        }
    }

    static ApiException notFound() {
        return new ApiException(ErrorCode.WEBHOOK_SUBSCRIPTION_NOT_FOUND);
    }

    private void checkUrl(String url, FieldErrors errors) {
        if (url == null || url.isBlank()) {
            errors.add("url", "The url field is required.");
        } else {
            targets.refusal(url.trim()).ifPresent(message -> errors.add("url", message));
        }
    }

    private static List<String> attributes(List<String> names) {
        return names == null ? List.of() : names.stream().map(String::trim).distinct().toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
