package io.piggy.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of POST (name, event_type and url required) and PUT (every field optional; event_type
 * cannot change). {@code secret} is accepted on both, as the WooCommerce plugin sends it on update.
 */
record SubscriptionRequest(
        @Size(max = 255, message = "The name may have at most 255 characters.") String name,
        @JsonProperty("event_type") String eventType,
        @Size(max = 2048, message = "The url may have at most 2048 characters.") String url,
        @Size(max = 255, message = "The secret may have at most 255 characters.") String secret,
        @Pattern(regexp = "ACTIVE|INACTIVE", message = "The status must be ACTIVE or INACTIVE.") String status,
        @Size(max = 100, message = "At most 100 attributes.")
        List<@NotBlank(message = "An attribute name may not be empty.")
        @Size(max = 255, message = "An attribute name may have at most 255 characters.") String> attributes) {
}
