package io.piggy.perk;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** {@code POST /perks}. The PHP SDK sends the data type as {@code dataType}, the docs as {@code data_type}. */
record CreatePerkRequest(
        @NotBlank(message = "The label field is required.")
        @Size(max = 255, message = "The label may have at most 255 characters.")
        String label,
        @NotBlank(message = "The name field is required.")
        @Size(max = 255, message = "The name may have at most 255 characters.")
        String name,
        @JsonProperty("data_type") @JsonAlias("dataType")
        @NotBlank(message = "The data_type field is required: single_select or boolean.")
        @Pattern(regexp = "(?i)\\s*(single_select|boolean)\\s*", message = "The data_type must be single_select or boolean.")
        String dataType,
        List<PerkOptionRequest> options) {
}
