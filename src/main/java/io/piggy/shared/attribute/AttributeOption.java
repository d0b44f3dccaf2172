package io.piggy.shared.attribute;

import org.jspecify.annotations.Nullable;

/** One choice of a select or multi_select attribute; {@code value} is what a value refers to (a string). */
public record AttributeOption(String value, String label, @Nullable String description, @Nullable String media) {
}
