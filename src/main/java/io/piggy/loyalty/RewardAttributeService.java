package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.api.FieldErrors;
import io.piggy.shared.api.PageRequest;
import io.piggy.shared.attribute.AttributeDefinitions;
import io.piggy.shared.attribute.AttributeType;
import io.piggy.shared.attribute.AttributeValues;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reward attributes: their definitions, and checking a reward's values against them. */
@Service
class RewardAttributeService {
    /** Values are flattened into the reward object, so an attribute may not be named like one of its fields. */
    static final Set<String> RESERVED = Stream.concat(RewardResponse.OWN_KEYS.stream(), Stream.of("attributes"))
            .collect(Collectors.toUnmodifiableSet());

    private final RewardAttributes attributes;
    private final Clock clock;

    RewardAttributeService(RewardAttributes attributes, Clock clock) {
        this.attributes = attributes;
        this.clock = clock;
    }

    RewardAttribute create(AccountId account, RewardAttributeRequest r) {
        String name = AttributeDefinitions.name(r.name());
        if (RESERVED.contains(name)) {
            throw ApiException.invalidField("name", "A reward has a field named " + name + "; choose another name.");
        }
        AttributeType type = AttributeDefinitions.type(r.anyType(), "type");
        return attributes.insert(account, new RewardAttributes.NewAttribute(name, AttributeDefinitions.label(r.label(), name),
                        r.description(), type, r.placeholder(), AttributeDefinitions.options(type, r.options())))
                .orElseThrow(() -> new ApiException(ErrorCode.ATTRIBUTE_ALREADY_EXISTS,
                        "This account already has a reward attribute named '" + name + "'. Choose another name."));
    }

    RewardAttributes.Page list(AccountId account, PageRequest page) {
        return attributes.page(account, page);
    }

    /** A reward's attribute values ready to store: the values to set and the names whose value goes. */
    record Values(Map<String, Object> set, Set<String> clear) {
        static final Values NONE = new Values(Map.of(), Set.of());
    }

    /**
     * Checks values by attribute name against their definitions: null, "" or [] removes a value;
     * an unknown name or a value its type refuses is 1003 with an error keyed by the name.
     */
    Values check(AccountId account, Map<String, Object> given) {
        if (given.isEmpty()) {
            return Values.NONE;
        }
        Map<String, RewardAttribute> known = attributes.byName(account, given.keySet());
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> set = new LinkedHashMap<>();
        Set<String> clear = new LinkedHashSet<>();
        FieldErrors errors = new FieldErrors();
        given.forEach((name, raw) -> {
            RewardAttribute attribute = known.get(name);
            if (attribute == null) {
                errors.add(name, "There is no reward attribute '" + name
                        + "'. Create it with POST /reward-attributes, or leave it out.");
            } else if (AttributeValues.isEmpty(raw)) {
                clear.add(name);
            } else {
                AttributeValues.Checked value = AttributeValues.check(attribute.attributeType(), raw,
                        attribute.options(), today);
                if (value.isValid()) {
                    set.put(name, value.value());
                } else {
                    errors.add(name, value.error());
                }
            }
        });
        errors.throwIfAny();
        return new Values(set, clear);
    }
}
