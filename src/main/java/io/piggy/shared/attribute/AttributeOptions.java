package io.piggy.shared.attribute;

import io.piggy.shared.api.ApiException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the options of a select or multi_select attribute in the shapes clients send:
 * [{label, value}] (Piggy's docs), [{name, value}] (the PHP SDK's tests), {value: label} (a map),
 * or plain values. Values are kept as strings, as Piggy answers them.
 */
public final class AttributeOptions {
    public static final int MAX_OPTIONS = 500;

    private AttributeOptions() {
    }

    public static List<AttributeOption> parse(Object raw) {
        if (raw == null) {
            return List.of();
        }
        List<AttributeOption> options = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (Object item : list) {
                options.add(item instanceof Map<?, ?> m ? fromObject(m) : option(text(item), text(item)));
            }
        } else if (raw instanceof Map<?, ?> map) {
            map.forEach((value, label) -> options.add(option(text(value), text(label))));
        } else {
            throw invalid();
        }
        if (options.size() > MAX_OPTIONS) {
            throw ApiException.invalidField("options", "Send at most " + MAX_OPTIONS + " options.");
        }
        Set<String> seen = new HashSet<>();
        for (AttributeOption o : options) {
            if (o.value() == null) {
                throw ApiException.invalidField("options", "Every option needs a value (or at least a label).");
            }
            if (!seen.add(o.value())) {
                throw ApiException.invalidField("options", "Option values must be unique; '" + o.value() + "' is there twice.");
            }
        }
        return List.copyOf(options);
    }

    private static AttributeOption fromObject(Map<?, ?> m) {
        String label = text(m.containsKey("label") ? m.get("label") : m.get("name"));
        String value = text(m.get("value"));
        return new AttributeOption(value != null ? value : label, label != null ? label : value,
                text(m.get("description")), text(m.get("media")));
    }

    private static AttributeOption option(String value, String label) {
        return new AttributeOption(value, label != null ? label : value, null, null);
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s.isBlank() ? null : s.trim();
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v instanceof BigDecimal b ? b.toPlainString() : v.toString();
        }
        throw invalid();
    }

    private static ApiException invalid() {
        return ApiException.invalidField("options",
                "Send options as a list of {\"label\": …, \"value\": …} (or {\"name\": …, \"value\": …}).");
    }
}
