package io.piggy.shared.api;

/** Java names (camelCase) to the snake_case names the API speaks. */
public final class FieldNames {
    private FieldNames() {
    }

    public static String toJson(String javaName) {
        if (javaName == null) {
            return "body";
        }
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
