package io.piggy.shared.attribute;

import io.piggy.shared.api.FieldErrors;
import io.piggy.shared.time.ApiTime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks an attribute value against its type and turns it into the form we store (JSON-ready:
 * strings, longs, decimals, booleans, lists, maps). Values arrive as JSON or as form strings, so
 * "42", "true" and "yes" are accepted where a number or a boolean is meant.
 */
public final class AttributeValues {
    /** What an email address looks like; {@link #isEmail} and the email attribute type check with it. */
    private static final String EMAIL_REGEX = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
    static final int TEXT_MAX = 255;
    static final int LONG_TEXT_MAX = 65_535;
    static final int LINK_MAX = 2_048;
    static final LocalDate OLDEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final Pattern EMAIL = Pattern.compile(EMAIL_REGEX);
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{6,25}$");
    private static final Pattern COLOR = Pattern.compile("^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$");
    private static final Pattern INTEGER = Pattern.compile("^[+-]?\\d{1,18}$");
    private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z0-9._:-]{1,255}$");
    private static final Pattern LICENSE_PLATE = Pattern.compile("^[A-Z0-9](?:[A-Z0-9 -]{0,13}[A-Z0-9])?$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private AttributeValues() {
    }

    /** An email address as Piggy takes one: the pattern, after trimming, in at most 255 characters. */
    public static boolean isEmail(String text) {
        return text != null && text.length() <= TEXT_MAX && EMAIL.matcher(text.trim()).matches();
    }

    /** A checked value: either the value to store, or a message that says what to send. */
    public record Checked(Object value, String error) {
        static Checked ok(Object value) {
            return new Checked(value, null);
        }

        static Checked error(String message) {
            return new Checked(null, message);
        }

        public boolean isValid() {
            return error == null;
        }
    }

    /** How the value of one attribute name is checked: against its type and options, or refused with a message. */
    public record Definition(AttributeType type, List<AttributeOption> options, String refusal) {
        public static Definition of(AttributeType type, List<AttributeOption> options) {
            return new Definition(type, options, null);
        }

        public static Definition refused(String message) {
            return new Definition(null, List.of(), message);
        }
    }

    /** Values by attribute name ready to store: what to set, what to clear, and the errors per name. */
    public record CheckedValues(Map<String, Object> set, Set<String> clear, Map<String, List<String>> errors) {
        /** 1003 with every error, keyed {@code keyPrefix + attribute name}; nothing when there are none. */
        public void throwIfAny(String keyPrefix) {
            FieldErrors fieldErrors = new FieldErrors();
            errors.forEach((name, messages) -> messages.forEach(m -> fieldErrors.add(keyPrefix + name, m)));
            fieldErrors.throwIfAny();
        }
    }

    /**
     * Checks values by attribute name: null, "" or [] clears one; any other value must suit the
     * type of the name's definition, and is stored normalised.
     */
    public static CheckedValues checkAll(Map<String, ?> values, Function<String, Definition> definitions, LocalDate today) {
        Map<String, Object> set = new LinkedHashMap<>();
        Set<String> clear = new LinkedHashSet<>();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        values.forEach((name, raw) -> {
            Definition definition = definitions.apply(name);
            if (definition.refusal() != null) {
                errors.put(name, List.of(definition.refusal()));
            } else if (isEmpty(raw)) {
                clear.add(name);
            } else {
                Checked value = check(definition.type(), raw, definition.options(), today);
                if (value.isValid()) {
                    set.put(name, value.value());
                } else {
                    errors.put(name, List.of(value.error()));
                }
            }
        });
        return new CheckedValues(set, clear, errors);
    }

    /** Null, "" and [] mean "no value": saving one removes the attribute's value. */
    public static boolean isEmpty(Object raw) {
        return raw == null || (raw instanceof String s && s.isBlank())
                || (raw instanceof Collection<?> c && c.isEmpty()) || (raw instanceof Map<?, ?> m && m.isEmpty());
    }

    public static Checked check(AttributeType type, Object raw, List<AttributeOption> options, LocalDate today) {
        return switch (type) {
            case TEXT -> text(raw, TEXT_MAX);
            case LONG_TEXT, RICH_TEXT -> text(raw, LONG_TEXT_MAX);
            case EMAIL -> matching(raw, s -> s, EMAIL, "a valid email address, e.g. ada@example.com", TEXT_MAX);
            case URL -> url(raw);
            case PHONE -> phone(raw);
            case COLOR -> matching(raw, s -> s.toLowerCase(Locale.ROOT), COLOR, "a hex color such as #ff8800", 9);
            case IDENTIFIER -> matching(raw, s -> s, IDENTIFIER,
                    "letters, digits, '.', '_', ':' or '-' (at most 255)", TEXT_MAX);
            case LICENSE_PLATE -> matching(raw, s -> s.toUpperCase(Locale.ROOT), LICENSE_PLATE,
                    "a license plate of letters, digits, spaces and dashes, e.g. AB-123-C", 15);
            case FILE_UPLOAD, MEDIA_UPLOAD -> link(raw);
            case NUMBER -> number(raw);
            case FLOAT -> decimal(raw);
            case BOOLEAN -> bool(raw);
            case DATE -> date(raw).map(d -> Checked.ok(d.toString()))
                    .orElseGet(() -> Checked.error("Send a date as YYYY-MM-DD, e.g. 2026-01-31."));
            case BIRTH_DATE -> birthDate(raw, today);
            case DATE_TIME -> dateTime(raw);
            case DATE_RANGE -> range(raw, AttributeValues::date, "dates as YYYY-MM-DD");
            case TIME_RANGE -> range(raw, AttributeValues::time, "times as HH:MM");
            case SELECT -> select(raw, options);
            case MULTI_SELECT -> multiSelect(raw, options);
        };
    }

    private static Optional<String> scalar(Object raw) {
        if (raw instanceof String s) {
            return Optional.of(s);
        }
        if (raw instanceof Number n) {
            return Optional.of(n instanceof BigDecimal b ? b.toPlainString() : n.toString());
        }
        if (raw instanceof Boolean b) {
            return Optional.of(b.toString());
        }
        return Optional.empty();
    }

    private static Checked text(Object raw, int max) {
        Optional<String> s = scalar(raw);
        if (s.isEmpty()) {
            return Checked.error("Send text, not a list or an object.");
        }
        if (s.get().length() > max) {
            return Checked.error("Send at most " + max + " characters.");
        }
        return Checked.ok(s.get());
    }

    private static Checked matching(Object raw, Function<String, String> normalize, Pattern pattern, String what, int max) {
        Optional<String> s = scalar(raw).map(String::trim).map(normalize);
        if (s.isEmpty() || s.get().length() > max || !pattern.matcher(s.get()).matches()) {
            return Checked.error("Send " + what + ".");
        }
        return Checked.ok(s.get());
    }

    private static Checked url(Object raw) {
        String message = "Send a full http or https address, e.g. https://example.com/page.";
        Optional<String> s = scalar(raw).map(String::trim);
        if (s.isEmpty() || s.get().length() > LINK_MAX || s.get().contains(" ")) {
            return Checked.error(message);
        }
        try {
            URI uri = new URI(s.get());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Checked.error(message);
            }
            return Checked.ok(s.get());
        } catch (URISyntaxException e) {
            return Checked.error(message);
        }
    }

    private static Checked phone(Object raw) {
        Optional<String> s = scalar(raw).map(String::trim);
        long digits = s.map(v -> v.chars().filter(Character::isDigit).count()).orElse(0L);
        if (s.isEmpty() || !PHONE.matcher(s.get()).matches() || digits < 6 || digits > 15) {
            return Checked.error("Send a phone number of 6 to 15 digits, optionally with a leading +, e.g. +31 20 123 4567.");
        }
        return Checked.ok(s.get());
    }

    private static Checked link(Object raw) {
        Optional<String> s = scalar(raw).map(String::trim);
        if (s.isEmpty() || s.get().length() > LINK_MAX || CONTROL.matcher(s.get()).find()) {
            return Checked.error("Send the file's address or name (at most " + LINK_MAX + " characters).");
        }
        return Checked.ok(s.get());
    }

    private static Checked number(Object raw) {
        String message = "Send a whole number, e.g. 42.";
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            return Checked.ok(((Number) raw).longValue());
        }
        if (raw instanceof BigInteger || raw instanceof BigDecimal || raw instanceof Double || raw instanceof Float) {
            try {
                return Checked.ok(new BigDecimal(raw.toString()).longValueExact());
            } catch (ArithmeticException | NumberFormatException e) {
                return Checked.error(message);
            }
        }
        if (raw instanceof String s && INTEGER.matcher(s.trim()).matches()) {
            return Checked.ok(Long.parseLong(s.trim()));
        }
        return Checked.error(message);
    }

    private static Checked decimal(Object raw) {
        String message = "Send a number, e.g. 12.5.";
        if (raw instanceof Boolean || !(raw instanceof Number || raw instanceof String)) {
            return Checked.error(message);
        }
        if (raw instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return Checked.error(message);
        }
        try {
            BigDecimal value = raw instanceof Double d ? BigDecimal.valueOf(d) : new BigDecimal(raw.toString().trim());
            if (value.precision() - value.scale() > 18 || value.scale() > 10) {
                return Checked.error("Send a number with at most 18 digits before and 10 after the point.");
            }
            return Checked.ok(value);
        } catch (NumberFormatException e) {
            return Checked.error(message);
        }
    }

    private static Checked bool(Object raw) {
        if (raw instanceof Boolean b) {
            return Checked.ok(b);
        }
        return scalar(raw).flatMap(BooleanWords::parse).map(Checked::ok)
                .orElseGet(() -> Checked.error("Send true or false (1/0, yes/no and on/off work too)."));
    }

    private static Optional<LocalDate> date(Object raw) {
        try {
            return raw instanceof String s ? Optional.of(LocalDate.parse(s.trim())) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalTime> time(Object raw) {
        try {
            return raw instanceof String s ? Optional.of(LocalTime.parse(s.trim())) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Checked birthDate(Object raw, LocalDate today) {
        Optional<LocalDate> date = date(raw);
        if (date.isEmpty() || date.get().isAfter(today) || date.get().isBefore(OLDEST_BIRTH_DATE)) {
            return Checked.error("Send a birth date as YYYY-MM-DD, between 1900-01-01 and today.");
        }
        return Checked.ok(date.get().toString());
    }

    private static Checked dateTime(Object raw) {
        return (raw instanceof String s ? ApiTime.parse(s) : Optional.<java.time.Instant>empty())
                .map(i -> Checked.ok(ApiTime.format(i)))
                .orElseGet(() -> Checked.error("Send an ISO-8601 date-time with offset, e.g. 2026-01-31T12:00:00+00:00."));
    }

    /** {"start": a, "end": b} (or from/to), or "a/b"; start must not come after end. */
    private static <T extends Comparable<? super T>> Checked range(Object raw, Function<Object, Optional<T>> parse, String what) {
        Object start = null;
        Object end = null;
        if (raw instanceof Map<?, ?> m) {
            start = m.containsKey("start") ? m.get("start") : m.get("from");
            end = m.containsKey("end") ? m.get("end") : m.get("to");
        } else if (raw instanceof String s && s.indexOf('/') > 0) {
            start = s.substring(0, s.indexOf('/'));
            end = s.substring(s.indexOf('/') + 1);
        }
        Optional<T> from = parse.apply(start);
        Optional<T> to = parse.apply(end);
        if (from.isEmpty() || to.isEmpty()) {
            return Checked.error("Send {\"start\": …, \"end\": …} (or \"start/end\") with " + what + ".");
        }
        if (from.get().compareTo(to.get()) > 0) {
            return Checked.error("The start must not come after the end.");
        }
        Map<String, String> value = new LinkedHashMap<>();
        value.put("start", from.get().toString());
        value.put("end", to.get().toString());
        return Checked.ok(value);
    }

    private static Checked select(Object raw, List<AttributeOption> options) {
        Optional<String> s = scalar(raw).map(String::trim);
        if (s.isEmpty() || options.stream().noneMatch(o -> o.value().equals(s.get()))) {
            return Checked.error("Send one of: " + optionValues(options) + ".");
        }
        return Checked.ok(s.get());
    }

    private static Checked multiSelect(Object raw, List<AttributeOption> options) {
        List<?> items = raw instanceof List<?> l ? l : List.of(raw);
        Set<String> chosen = new LinkedHashSet<>();
        for (Object item : items) {
            Optional<String> s = scalar(item).map(String::trim);
            if (s.isEmpty() || options.stream().noneMatch(o -> o.value().equals(s.get()))) {
                return Checked.error("Send a list of values out of: " + optionValues(options) + ".");
            }
            chosen.add(s.get());
        }
        return Checked.ok(new ArrayList<>(chosen));
    }

    private static String optionValues(List<AttributeOption> options) {
        return String.join(", ", options.stream().map(AttributeOption::value).toList());
    }
}
