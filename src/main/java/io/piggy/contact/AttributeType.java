package io.piggy.contact;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The 21 data types of Piggy's attributes (§2.2); {@link AttributeValues} checks values of each. */
enum AttributeType {
    URL, TEXT, DATE, PHONE, FLOAT, COLOR, EMAIL, NUMBER, SELECT, BOOLEAN, RICH_TEXT, DATE_TIME, LONG_TEXT,
    DATE_RANGE, TIME_RANGE, IDENTIFIER, BIRTH_DATE, FILE_UPLOAD, MEDIA_UPLOAD, MULTI_SELECT, LICENSE_PLATE;

    static final String NAMES = Arrays.stream(values()).map(AttributeType::apiName).collect(Collectors.joining(", "));

    String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean hasOptions() {
        return this == SELECT || this == MULTI_SELECT;
    }

    static Optional<AttributeType> of(String apiName) {
        if (apiName == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(t -> t.apiName().equals(apiName.trim().toLowerCase(Locale.ROOT))).findFirst();
    }
}
