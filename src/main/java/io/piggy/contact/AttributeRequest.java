package io.piggy.contact;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;

/**
 * Creating or changing an attribute. /contact-attributes names the type {@code data_type},
 * /custom-attributes names it {@code type}; both are read everywhere. Options may come as
 * [{label, value}], [{name, value}] or {value: label}.
 */
record AttributeRequest(
        String entity,
        String name,
        @Size(max = 255, message = "The label may have at most 255 characters.")
        String label,
        @JsonProperty("data_type") String dataType,
        String type,
        @Size(max = 1000, message = "The description may have at most 1000 characters.")
        String description,
        @JsonProperty("group_name") @Size(max = 255, message = "The group_name may have at most 255 characters.")
        String groupName,
        Object options) {

    String anyType() {
        return dataType != null ? dataType : type;
    }
}
