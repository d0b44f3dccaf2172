package io.piggy.product;

import io.piggy.account.AccountId;
import io.piggy.shared.api.FieldErrors;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Turns the categories named in product bodies ({uuid} or {external_identifier}) into category uuids. */
@Component
class CategoryRefs {
    private final ProductCategories categories;

    CategoryRefs(ProductCategories categories) {
        this.categories = categories;
    }

    /**
     * Resolves every item's references with one query. Each item gets its categories' uuids in the
     * given order without repeats (an empty list when it names none); each reference that names no
     * category of the account adds an error under {@code prefix + "categories." + index}.
     *
     * @param refs     per item, null when the item names no categories
     * @param prefixes per item, e.g. {@code products.3.}
     */
    List<List<UUID>> resolve(AccountId account, List<List<CategoryRef>> refs, List<String> prefixes, FieldErrors errors) {
        Set<UUID> ids = new HashSet<>();
        Set<String> externals = new HashSet<>();
        for (List<CategoryRef> list : refs) {
            for (CategoryRef ref : list == null ? List.<CategoryRef>of() : list) {
                if (ref == null) {
                    continue;
                }
                parse(ref.uuid()).ifPresent(ids::add);
                if (ref.externalIdentifier() != null) {
                    externals.add(ref.externalIdentifier());
                }
            }
        }
        Map<UUID, UUID> byId = new HashMap<>();
        Map<String, UUID> byExternal = new HashMap<>();
        if (!ids.isEmpty() || !externals.isEmpty()) {
            for (ProductCategoryResponse c : categories.findAll(account, ids, externals)) {
                byId.put(c.uuid(), c.uuid());
                byExternal.put(c.externalIdentifier(), c.uuid());
            }
        }
        List<List<UUID>> resolved = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            List<CategoryRef> list = refs.get(i) == null ? List.of() : refs.get(i);
            Set<UUID> found = new LinkedHashSet<>();
            for (int j = 0; j < list.size(); j++) {
                String key = prefixes.get(i) + "categories." + j;
                resolveOne(list.get(j), key, byId, byExternal, errors).ifPresent(found::add);
            }
            resolved.add(List.copyOf(found));
        }
        return resolved;
    }

    private static Optional<UUID> resolveOne(CategoryRef ref, String key, Map<UUID, UUID> byId,
                                             Map<String, UUID> byExternal, FieldErrors errors) {
        boolean hasUuid = ref != null && ref.uuid() != null && !ref.uuid().isBlank();
        boolean hasExternal = ref != null && ref.externalIdentifier() != null && !ref.externalIdentifier().isBlank();
        if (hasUuid) {
            Optional<UUID> id = parse(ref.uuid());
            if (id.isEmpty()) {
                errors.add(key + ".uuid", "The uuid must be a valid UUID.");
            } else if (!byId.containsKey(id.get())) {
                errors.add(key + ".uuid", "No product category has this uuid.");
            }
            return id.map(byId::get);
        }
        if (hasExternal) {
            UUID id = byExternal.get(ref.externalIdentifier());
            if (id == null) {
                errors.add(key + ".external_identifier", "No product category has this external_identifier; "
                        + "create it first with POST /product-categories (or its find-or-create).");
            }
            return Optional.ofNullable(id);
        }
        errors.add(key, "Name each category by its uuid or its external_identifier.");
        return Optional.empty();
    }

    private static Optional<UUID> parse(String uuid) {
        if (uuid == null) {
            return Optional.empty();
        }
        try {
            String text = uuid.trim();
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
