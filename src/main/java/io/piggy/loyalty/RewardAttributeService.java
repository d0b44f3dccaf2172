package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.api.PageRequest;
import io.piggy.shared.attribute.AttributeDefinitions;
import io.piggy.shared.attribute.AttributeType;
import io.piggy.shared.attribute.AttributeValues;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
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
        String label = AttributeDefinitions.label(r.label(), name);
        return attributes.insert(account, new RewardAttributes.NewAttribute(name, label, r.description(), type,
                        r.placeholder(), AttributeDefinitions.options(type, r.options())))
                .orElseThrow(() -> new ApiException(ErrorCode.ATTRIBUTE_ALREADY_EXISTS,
                        "This account already has a reward attribute named '" + name + "'. Choose another name."));
    }

    RewardAttributes.Page list(AccountId account, PageRequest page) {
        return attributes.page(account, page);
    }

    /**
     * Checks values by attribute name against their definitions: null, "" or [] removes a value;
     * an unknown name or a value its type refuses is 1003 with an error keyed by the name.
     */
    AttributeValues.CheckedValues check(AccountId account, Map<String, Object> given) {
        Map<String, RewardAttribute> known = attributes.byName(account, given.keySet());
        AttributeValues.CheckedValues checked = AttributeValues.checkAll(given, name -> {
            RewardAttribute attribute = known.get(name);
            return attribute == null
                    ? AttributeValues.Definition.refused("There is no reward attribute '" + name
                            + "'. Create it with POST /reward-attributes, or leave it out.")
                    : AttributeValues.Definition.of(attribute.attributeType(), attribute.options());
        }, LocalDate.now(clock));
        checked.throwIfAny("");
        return checked;
    }
}
