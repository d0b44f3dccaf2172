package io.piggy.form;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A form with everything it is made of (our extension; the list shows {@link FormSummaryResponse}). */
record FormResponse(UUID uuid, String name, FormStatus status, FormType type, String url, List<String> fields,
                    @JsonProperty("subscription_type_uuids") List<UUID> subscriptionTypeUuids, long credits,
                    @JsonProperty("thank_you_text") @Nullable String thankYouText,
                    @JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt) {
}
