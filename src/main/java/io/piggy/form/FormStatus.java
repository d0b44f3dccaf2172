package io.piggy.form;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Only PUBLISHED forms are served; DRAFT is being prepared, BIN is thrown away (kept until deleted). */
enum FormStatus {
    PUBLISHED, DRAFT, BIN;

    static Optional<FormStatus> parse(String text) {
        return text == null ? Optional.empty() : Arrays.stream(values())
                .filter(s -> s.name().equals(text.trim().toUpperCase(Locale.ROOT))).findFirst();
    }
}
