package io.piggy.shared.attribute;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The words that mean true and false where a boolean arrives as text (forms, attribute values,
 * perk values): the one list, so that a word accepted in one place is accepted in all.
 */
public final class BooleanWords {
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "off");

    private BooleanWords() {
    }

    /** true, 1, yes, on / false, 0, no, off, in any case and with spaces around; empty for anything else. */
    public static Optional<Boolean> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String word = text.trim().toLowerCase(Locale.ROOT);
        return TRUE.contains(word) ? Optional.of(true) : FALSE.contains(word) ? Optional.of(false) : Optional.empty();
    }
}
