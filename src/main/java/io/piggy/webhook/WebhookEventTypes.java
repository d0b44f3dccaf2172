package io.piggy.webhook;

import io.piggy.shared.events.EventType;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The event types a subscription may name: every type a feature records, and those of Piggy's list
 * (plus {@code voucher_deleted}, which the WooCommerce plugin listens for) that nothing records yet,
 * so a plugin can register all its subscriptions today.
 */
final class WebhookEventTypes {
    static final Set<String> WITHOUT_PRODUCER = Set.of("prepaid_transaction_created", "referral_completed",
            "reward_updated", "promotion_updated", "voucher_deleted");
    static final Set<String> ACCEPTED = Stream.concat(Arrays.stream(EventType.values()).map(EventType::wireName),
            WITHOUT_PRODUCER.stream().sorted()).collect(Collectors.toCollection(LinkedHashSet::new));

    private WebhookEventTypes() {
    }
}
