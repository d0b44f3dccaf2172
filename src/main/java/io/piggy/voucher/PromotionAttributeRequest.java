package io.piggy.voucher;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/** Create (name, label and type required) or update (all optional) a promotion attribute. */
record PromotionAttributeRequest(
        @Size(max = 64, message = "The name may have at most 64 characters.")
        @Pattern(regexp = "^[a-z][a-z0-9_]*$", message = "The name must be lower-case letters, digits and _, starting with a letter.")
        String name,
        @Size(max = 255, message = "The label may have at most 255 characters.") String label,
        @Size(max = 1000, message = "The description may have at most 1000 characters.") String description,
        @Size(max = 255, message = "The placeholder may have at most 255 characters.") String placeholder,
        String type,
        List<Map<String, Object>> options) {
}
