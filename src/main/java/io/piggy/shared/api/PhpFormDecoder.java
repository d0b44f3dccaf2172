package io.piggy.shared.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes form fields the way PHP builds arrays from them, since the PHP SDK sends every body as
 * a form: {@code attributes[firstname]=Ada} is a map, {@code options[0][label]=Blue} and
 * {@code tags[]=a} are lists. The result is plain maps, lists and strings, ready to become JSON.
 */
public final class PhpFormDecoder {
    private PhpFormDecoder() {
    }

    /** @param maxDepth most brackets one key may have; a deeper key is a 1003 (PHP stops at 64 too) */
    public static Map<String, Object> decode(List<Map.Entry<String, String>> fields, int maxDepth) {
        Node root = new Node();
        for (Map.Entry<String, String> field : fields) {
            List<String> path = keyPath(field.getKey());
            if (path.size() - 1 > maxDepth) {
                throw RequestLimits.exceeded("a field name nested deeper than " + maxDepth + " brackets");
            }
            if (!path.get(0).isEmpty()) { // PHP drops a field without a name
                put(root, path, field.getValue());
            }
        }
        return listifyValues(root); // the body itself stays an object, even with fields named 0, 1, …
    }

    /** {@code a[b][]} → [a, b, ""]; a key that is not bracket syntax is taken whole. */
    static List<String> keyPath(String key) {
        int open = key.indexOf('[');
        if (open <= 0 || !key.endsWith("]")) {
            return List.of(key);
        }
        List<String> path = new ArrayList<>();
        path.add(key.substring(0, open));
        int i = open;
        while (i < key.length()) {
            if (key.charAt(i) != '[') {
                return List.of(key);
            }
            int close = key.indexOf(']', i);
            if (close < 0) {
                return List.of(key);
            }
            path.add(key.substring(i + 1, close));
            i = close + 1;
        }
        return path;
    }

    /** A map that knows the index "[]" appends at, as PHP's arrays do: finding it must not scan the keys. */
    private static final class Node extends LinkedHashMap<String, Object> {
        private long nextIndex;

        void putField(String key, Object value) {
            put(key, value);
            if (isIndex(key)) {
                nextIndex = Math.max(nextIndex, Long.parseLong(key) + 1);
            }
        }
    }

    private static void put(Node root, List<String> path, String value) {
        Node node = root;
        for (int i = 0; i < path.size(); i++) {
            String segment = path.get(i);
            if (segment.isEmpty()) {
                segment = String.valueOf(node.nextIndex); // "[]" appends, like PHP
            }
            if (i == path.size() - 1) {
                node.putField(segment, value);
                return;
            }
            Object child = node.get(segment);
            if (!(child instanceof Node)) {
                child = new Node();
                node.putField(segment, child);
            }
            node = (Node) child;
        }
    }

    /** A map keyed 0, 1, 2, … is a list, as PHP's json_encode would send it. */
    private static Object listify(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        Map<String, Object> converted = listifyValues(map);
        if (converted.isEmpty()) {
            return converted;
        }
        for (int i = 0; i < converted.size(); i++) {
            if (!converted.containsKey(String.valueOf(i))) {
                return converted;
            }
        }
        List<Object> list = new ArrayList<>(converted.size());
        for (int i = 0; i < converted.size(); i++) {
            list.add(converted.get(String.valueOf(i)));
        }
        return list;
    }

    private static Map<String, Object> listifyValues(Map<?, ?> map) {
        Map<String, Object> converted = new LinkedHashMap<>();
        map.forEach((k, v) -> converted.put((String) k, listify(v)));
        return converted;
    }

    private static boolean isIndex(String key) {
        return !key.isEmpty() && key.length() < 10 && key.chars().allMatch(Character::isDigit);
    }
}
