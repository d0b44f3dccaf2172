package io.piggy.shared.attribute;

import io.piggy.shared.api.ApiException;

import java.util.List;
import java.util.regex.Pattern;

/** The checks every kind of attribute definition (contact, reward) makes on its name, type and options. */
public final class AttributeDefinitions {
    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{0,63}$");

    private AttributeDefinitions() {
    }

    /** A lower-case snake-case name of at most 64 characters; 1003 on the name field otherwise. */
    public static String name(String given) {
        if (given == null || !NAME.matcher(given).matches()) {
            throw ApiException.invalidField("name", "The name must start with a lower-case letter and hold only a-z, "
                    + "0-9 and _ (at most 64), e.g. favorite_color.");
        }
        return given;
    }

    /** One of the 21 types, named by the request field {@code field}; 1003 on that field otherwise. */
    public static AttributeType type(String given, String field) {
        return AttributeType.of(given).orElseThrow(() -> ApiException.invalidField(field,
                "The " + field + " field must be one of: " + AttributeType.NAMES + "."));
    }

    /** The options of a select or multi_select (required for them); none for other types. */
    public static List<AttributeOption> options(AttributeType type, Object raw) {
        if (!type.hasOptions()) {
            return List.of();
        }
        List<AttributeOption> options = AttributeOptions.parse(raw);
        if (options.isEmpty()) {
            throw ApiException.invalidField("options", "A " + type.apiName()
                    + " attribute needs options: send a list of {\"label\": …, \"value\": …}.");
        }
        return options;
    }

    /** The label to show: the one given, else the name. */
    public static String label(String given, String name) {
        return given == null || given.isBlank() ? name : given.trim();
    }
}
