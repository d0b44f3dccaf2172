package io.piggy.form;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * {@code POST /forms} (name required) and {@code PUT /forms/{uuid}} (what is left out stays).
 * fields are contact attribute names in the order the page asks for them.
 */
record FormRequest(
        @Pattern(regexp = "(?s).*\\S.*", message = "The name may not be empty.")
        @Size(max = 255, message = "The name may have at most 255 characters.")
        String name,
        @Pattern(regexp = "(?i)\\s*(PUBLISHED|DRAFT|BIN)\\s*", message = "The status must be PUBLISHED, DRAFT or BIN.")
        String status,
        @Pattern(regexp = "(?i)\\s*(PUBLIC|PRIVATE)\\s*", message = "The type must be PUBLIC or PRIVATE.")
        String type,
        @Size(max = FormService.MAX_FIELDS, message = "A form may ask for at most " + FormService.MAX_FIELDS + " fields.")
        List<String> fields,
        @JsonProperty("subscription_type_uuids")
        @Size(max = 20, message = "A form may enrol in at most 20 subscription types.")
        List<UUID> subscriptionTypeUuids,
        @PositiveOrZero(message = "The credits must be 0 or more.")
        @Max(value = 1_000_000_000, message = "The credits may be at most 1000000000.")
        Long credits,
        @JsonProperty("thank_you_text")
        @Size(max = 5000, message = "The thank_you_text may have at most 5000 characters.")
        String thankYouText) {
}
