package io.piggy.perk;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/** What values a perk takes: one of its options, or yes/no. */
public enum PerkDataType {
    SINGLE_SELECT("single_select"),
    BOOLEAN("boolean");

    private final String value;

    PerkDataType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Optional<PerkDataType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (PerkDataType type : values()) {
            if (type.value.equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
