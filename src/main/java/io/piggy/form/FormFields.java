package io.piggy.form;

import io.piggy.contact.ContactAttribute;
import io.piggy.shared.attribute.AttributeOption;
import io.piggy.shared.time.ApiTime;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How each contact attribute type appears on a hosted page and how the page's parameters turn
 * back into attribute values. Parameters are keyed by attribute name; a range has
 * {@code name.start} and {@code name.end} (attribute names hold no dots). date_time pickers
 * show and take UTC (datetime-local has no zone).
 */
final class FormFields {
    static final String START = ".start";
    static final String END = ".end";
    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private FormFields() {
    }

    /** The attribute value a page's parameters mean; "" (or an empty list) clears the attribute. */
    static Object valueOf(ContactAttribute attribute, Map<String, List<String>> params) {
        String name = attribute.name();
        return switch (attribute.type()) {
            case "boolean" -> String.valueOf(params.getOrDefault(name, List.of()).contains("true"));
            case "multi_select" -> params.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).toList();
            case "date_range", "time_range" -> {
                String start = first(params, name + START).trim();
                String end = first(params, name + END).trim();
                yield start.isEmpty() && end.isEmpty() ? "" : start + "/" + end;
            }
            case "date_time" -> {
                String local = first(params, name).trim();
                yield local.length() == 16 ? local + ":00+00:00" : local.length() == 19 ? local + "+00:00" : local;
            }
            default -> first(params, name);
        };
    }

    /** The parameters that show a stored value (pre-filling a page for a known contact). */
    static Map<String, List<String>> paramsOf(ContactAttribute attribute, Object stored) {
        String name = attribute.name();
        if (stored == null) {
            return Map.of();
        }
        return switch (attribute.type()) {
            case "boolean" -> Boolean.TRUE.equals(stored) || "true".equals(String.valueOf(stored))
                    ? Map.of(name, List.of("true")) : Map.of();
            case "multi_select" -> Map.of(name, stored instanceof Collection<?> c
                    ? c.stream().map(String::valueOf).toList() : List.of(String.valueOf(stored)));
            case "date_range", "time_range" -> stored instanceof Map<?, ?> m
                    ? Map.of(name + START, List.of(String.valueOf(m.get("start"))), name + END, List.of(String.valueOf(m.get("end"))))
                    : Map.of();
            case "date_time" -> Map.of(name, List.of(ApiTime.parse(String.valueOf(stored))
                    .map(i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC).format(LOCAL_MINUTES))
                    .orElse(String.valueOf(stored))));
            default -> Map.of(name, List.of(String.valueOf(stored)));
        };
    }

    /** The field as the template shows it, holding what the parameters hold. */
    static FieldView view(ContactAttribute attribute, Map<String, List<String>> params, String error, LocalDate today) {
        String name = attribute.name();
        String value = first(params, name);
        String label = attribute.label() == null || attribute.label().isBlank() ? name : attribute.label();
        Builder field = new Builder(name, label, value, error);
        return switch (attribute.type()) {
            case "email" -> field.input("email", null);
            case "url" -> field.input("url", null);
            case "phone" -> field.input("tel", null);
            case "number" -> field.step("1");
            case "float" -> field.step("any");
            case "color" -> field.input("color", null);
            case "date" -> field.input("date", null);
            case "birth_date" -> field.max(today.toString());
            case "date_time" -> field.input("datetime-local", "Date and time in UTC.");
            case "file_upload", "media_upload" -> field.input("text", "The address (URL) of the file.");
            case "boolean" -> field.checkbox(params.getOrDefault(name, List.of()).contains("true"));
            case "select" -> field.choices("select", attribute.options(), params.getOrDefault(name, List.of()));
            case "multi_select" -> field.choices("multi", attribute.options(), params.getOrDefault(name, List.of()));
            case "long_text", "rich_text" -> field.build("textarea", null, null);
            case "date_range" -> field.range("date", first(params, name + START), first(params, name + END));
            case "time_range" -> field.range("time", first(params, name + START), first(params, name + END));
            default -> field.input("text", null);
        };
    }

    /** The email field every page has: it identifies the contact (read-only when the contact is known). */
    static FieldView email(String value, String error, boolean readOnly) {
        return new Builder(FormService.EMAIL, "Email", value, error).required().readOnly(readOnly).input("email", null);
    }

    private static String first(Map<String, List<String>> params, String key) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    private static final class Builder {
        private final String name;
        private final String label;
        private final String value;
        private final String error;
        private boolean required;
        private boolean readOnly;
        private String step;
        private String max;

        Builder(String name, String label, String value, String error) {
            this.name = name;
            this.label = label;
            this.value = value;
            this.error = error;
        }

        Builder required() {
            required = true;
            return this;
        }

        Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        FieldView input(String inputType, String hint) {
            return build("input", inputType, hint);
        }

        FieldView step(String step) {
            this.step = step;
            return build("input", "number", null);
        }

        FieldView max(String max) {
            this.max = max;
            return build("input", "date", null);
        }

        FieldView checkbox(boolean checked) {
            return new FieldView(name, "f-" + name, label, "checkbox", "checkbox", "true", null, null, checked,
                    List.of(), error, null, required, readOnly, null, null);
        }

        FieldView choices(String kind, List<AttributeOption> options, List<String> chosen) {
            List<FieldView.Choice> choices = new ArrayList<>();
            for (AttributeOption o : options) {
                choices.add(new FieldView.Choice(o.value(), o.label() == null ? o.value() : o.label(), chosen.contains(o.value())));
            }
            return new FieldView(name, "f-" + name, label, kind, null, null, null, null, false, choices, error, null,
                    required, readOnly, null, null);
        }

        FieldView range(String inputType, String start, String end) {
            return new FieldView(name, "f-" + name, label, "range", inputType, null, start, end, false, List.of(), error,
                    null, required, readOnly, null, null);
        }

        FieldView build(String kind, String inputType, String hint) {
            return new FieldView(name, "f-" + name, label, kind, inputType, value, null, null, false, List.of(), error,
                    hint, required, readOnly, step, max);
        }
    }
}
