package io.piggy.form;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** PUBLIC forms are open to anyone; PRIVATE forms are filled in by a known contact, with its auth token. */
enum FormType {
    PUBLIC, PRIVATE;

    static Optional<FormType> parse(String text) {
        return text == null ? Optional.empty() : Arrays.stream(values())
                .filter(t -> t.name().equals(text.trim().toUpperCase(Locale.ROOT))).findFirst();
    }
}
