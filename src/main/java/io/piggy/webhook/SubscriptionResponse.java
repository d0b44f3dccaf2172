package io.piggy.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as Piggy shows it ({@code version} is always V1); {@code attributes} and
 * {@code status_reason} (why it went INACTIVE) are ours. The secret is never shown.
 */
@Schema(name = "WebhookSubscription") // contact has a SubscriptionResponse too; springdoc keys schemas by simple name
record SubscriptionResponse(UUID uuid, String name, @JsonProperty("event_type") String eventType, String url,
                            String status, String version, @JsonProperty("created_at") Instant createdAt,
                            List<Object> properties, List<String> attributes,
                            @JsonProperty("status_reason") @Nullable String statusReason) {

    static SubscriptionResponse of(WebhookSubscriptions.Subscription s) {
        return new SubscriptionResponse(s.id(), s.name(), s.eventType(), s.url(), s.status(), "V1", s.createdAt(),
                List.of(), s.attributes(), s.statusReason());
    }
}
