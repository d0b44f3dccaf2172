package io.piggy.product;

import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.FieldErrors;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a list of items to create (products or categories) before anything is written, so a
 * batch is all or nothing and names every bad item. A single create is a list of one without a
 * list key, so its errors carry plain field names.
 */
final class CatalogItems {
    private static final String TAKEN = "The external_identifier has already been taken. Use another, or update "
            + "the item that has it.";
    private CatalogItems() {
    }

    /** {@code products.3.} for item 3 of the list {@code products}, or nothing for a single item. */
    static String prefix(String listKey, int index) {
        return listKey == null ? "" : listKey + "." + index + ".";
    }

    static List<String> prefixes(String listKey, int size) {
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            prefixes.add(prefix(listKey, i));
        }
        return prefixes;
    }

    /**
     * Validates each item (with the name required), reports external identifiers that repeat in
     * the list or that the account already uses.
     */
    static <T> FieldErrors check(Validator validator, String listKey, List<T> items,
                                 Function<T, String> externalIdentifier, Function<Collection<String>, Set<String>> taken) {
        FieldErrors errors = new FieldErrors();
        Map<String, Integer> firstIndex = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            if (item == null) {
                errors.add(listKey + "." + i, "Each item must be an object with external_identifier and name.");
                continue;
            }
            errors.validate(validator, item, prefix(listKey, i), Default.class, NameRequired.class);
            String external = externalIdentifier.apply(item);
            if (external == null || external.isBlank()) {
                continue;
            }
            Integer first = firstIndex.putIfAbsent(external, i);
            if (first != null) {
                errors.add(prefix(listKey, i) + "external_identifier", "This external_identifier is also given at "
                        + listKey + "." + first + "; each item needs its own.");
            }
        }
        for (String external : taken.apply(firstIndex.keySet())) {
            errors.add(prefix(listKey, firstIndex.get(external)) + "external_identifier", TAKEN);
        }
        return errors;
    }

    /**
     * The inserted rows in the items' order. An item without a row lost a race with a concurrent
     * create of its external_identifier; throwing then rolls the whole list back.
     */
    static <R> List<R> inItemOrder(String listKey, List<String> externals, List<R> rows, Function<R, String> externalOf) {
        Map<String, R> byExternal = rows.stream().collect(Collectors.toMap(externalOf, Function.identity()));
        FieldErrors errors = new FieldErrors();
        List<R> ordered = new ArrayList<>();
        for (int i = 0; i < externals.size(); i++) {
            R row = byExternal.get(externals.get(i));
            if (row == null) {
                errors.add(prefix(listKey, i) + "external_identifier", TAKEN);
            }
            ordered.add(row);
        }
        errors.throwIfAny();
        return ordered;
    }

    /** For find by external_identifier: a blank one finds nothing and is a mistake. */
    static void requireExternalIdentifier(String externalIdentifier) {
        if (externalIdentifier.isBlank()) {
            throw ApiException.invalidField("external_identifier", "The external_identifier field is required.");
        }
    }

    static ApiException taken() {
        return ApiException.invalidField("external_identifier", TAKEN);
    }
}
