package io.piggy.perk;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** {@code PUT /perks/{uuid}}: a new label, new options, or both; name and data type stay. */
record UpdatePerkRequest(
        @Pattern(regexp = "(?s).*\\S.*", message = "The label may not be empty.")
        @Size(max = 255, message = "The label may have at most 255 characters.")
        String label,
        List<PerkOptionRequest> options) {
}
