package io.piggy.shared.attribute;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The 21 data types of Piggy's attributes (§2.2, for contacts, rewards, …); {@link AttributeValues}
 * checks values of each.
 */
public enum AttributeType {
    URL, TEXT, DATE, PHONE, FLOAT, COLOR, EMAIL, NUMBER, SELECT, BOOLEAN, RICH_TEXT, DATE_TIME, LONG_TEXT,
    DATE_RANGE, TIME_RANGE, IDENTIFIER, BIRTH_DATE, FILE_UPLOAD, MEDIA_UPLOAD, MULTI_SELECT, LICENSE_PLATE;

    public static final String NAMES = Arrays.stream(values()).map(AttributeType::apiName).collect(Collectors.joining(", "));

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean hasOptions() {
        return this == SELECT || this == MULTI_SELECT;
    }

    public static Optional<AttributeType> of(String apiName) {
        if (apiName == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(t -> t.apiName().equals(apiName.trim().toLowerCase(Locale.ROOT))).findFirst();
    }
}
