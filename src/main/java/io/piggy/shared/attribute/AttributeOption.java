package io.piggy.shared.attribute;

/** One choice of a select or multi_select attribute; {@code value} is what a value refers to (a string). */
public record AttributeOption(String value, String label, String description, String media) {
}
