package io.piggy.shared.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits and decodes {@code a=1&b=2}, from a query string or a form body, the way PHP does: an
 * escape that is not {@code %} and two hex digits stays as written ({@code 10% off}), {@code +}
 * is a space, a field without a name is dropped. One pass, linear in the input; past the field
 * limits it refuses with a 1003 instead of working on.
 */
final class UrlEncodedFields {
    private UrlEncodedFields() {
    }

    static List<Map.Entry<String, String>> parse(String raw, RequestLimits limits) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return fields;
        }
        int start = 0;
        while (start <= raw.length()) {
            int end = raw.indexOf('&', start);
            if (end < 0) {
                end = raw.length();
            }
            if (end > start) {
                int eq = raw.indexOf('=', start);
                boolean hasValue = eq >= 0 && eq < end;
                String key = decode(raw, start, hasValue ? eq : end);
                if (!key.isEmpty()) {
                    String value = hasValue ? decode(raw, eq + 1, end) : "";
                    limits.checkField(fields.size(), key, value);
                    fields.add(new AbstractMap.SimpleEntry<>(key, value));
                }
            }
            start = end + 1;
        }
        return fields;
    }

    /** Percent-decoding of {@code s[from, to)} as UTF-8; bytes that are not UTF-8 become U+FFFD. */
    static String decode(String s, int from, int to) {
        int firstSpecial = from;
        while (firstSpecial < to && s.charAt(firstSpecial) != '%' && s.charAt(firstSpecial) != '+') {
            firstSpecial++;
        }
        if (firstSpecial == to) {
            return s.substring(from, to);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        bytes.writeBytes(s.substring(from, firstSpecial).getBytes(StandardCharsets.UTF_8));
        StringBuilder plain = new StringBuilder();
        for (int i = firstSpecial; i < to; i++) {
            char c = s.charAt(i);
            int hi;
            int lo;
            if (c == '%' && i + 2 < to && (hi = hex(s.charAt(i + 1))) >= 0
                    && (lo = hex(s.charAt(i + 2))) >= 0) {
                flush(plain, bytes);
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+') {
                plain.append(' ');
            } else {
                plain.append(c);
            }
        }
        flush(plain, bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** ASCII hex only: Character.digit would take other scripts' digits too. */
    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static void flush(StringBuilder plain, ByteArrayOutputStream bytes) {
        if (!plain.isEmpty()) {
            bytes.writeBytes(plain.toString().getBytes(StandardCharsets.UTF_8));
            plain.setLength(0);
        }
    }
}
