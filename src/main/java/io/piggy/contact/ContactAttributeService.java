package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.attribute.AttributeDefinitions;
import io.piggy.shared.attribute.AttributeOption;
import io.piggy.shared.attribute.AttributeOptions;
import io.piggy.shared.attribute.AttributeType;
import io.piggy.shared.attribute.AttributeValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Contact attributes for every feature: list an account's attributes (types, options, read-only
 * flags), check values against them, and save a contact's values with errors per attribute.
 */
@Service
public class ContactAttributeService {
    private final ContactAttributes attributes;
    private final Contacts contacts;
    private final Clock clock;

    ContactAttributeService(ContactAttributes attributes, Contacts contacts, Clock clock) {
        this.attributes = attributes;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** Every attribute of the account, Piggy's predefined ones first, in their display order. */
    public List<ContactAttribute> attributes(AccountId account) {
        return attributes.all(account);
    }

    /** The contact's stored attribute values by name (what a form pre-fills). 55031 when the contact is unknown. */
    public Map<String, Object> values(AccountId account, UUID contact) {
        return contacts.find(account, contact).map(Contacts.Contact::attributes)
                .orElseThrow(() -> new ApiException(ErrorCode.CONTACT_NOT_FOUND));
    }

    /** Errors per attribute name (unknown, read-only, or a value its type refuses); empty when all can be saved. */
    public Map<String, List<String>> validate(AccountId account, Map<String, ?> values) {
        return check(account, values).errors();
    }

    /**
     * Saves a contact's attribute values: null or "" clears one, other attributes keep their values.
     * Throws 1003 with errors keyed by attribute name (nothing is saved then), or 55031.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public void save(AccountId account, UUID contact, Map<String, ?> values) {
        AttributeValues.CheckedValues checked = checkedFor(account, contact, values);
        contacts.updateAttributes(account, contact, checked.set(), checked.clear());
    }

    /**
     * Saves only the values the contact has none for: stored values stay, and empty ones clear nothing.
     * Errors as {@link #save}.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public void fillMissing(AccountId account, UUID contact, Map<String, ?> values) {
        AttributeValues.CheckedValues checked = checkedFor(account, contact, values);
        if (!checked.set().isEmpty()) {
            contacts.addMissingAttributes(account, contact, checked.set());
        }
    }

    private AttributeValues.CheckedValues checkedFor(AccountId account, UUID contact, Map<String, ?> values) {
        if (contacts.find(account, contact).isEmpty()) {
            throw new ApiException(ErrorCode.CONTACT_NOT_FOUND);
        }
        AttributeValues.CheckedValues checked = check(account, values);
        checked.throwIfAny("");
        return checked;
    }

    AttributeValues.CheckedValues check(AccountId account, Map<String, ?> values) {
        Map<String, ContactAttribute> known = attributes.byName(account, values.keySet());
        return AttributeValues.checkAll(values, name -> {
            ContactAttribute attribute = known.get(name);
            if (attribute == null) {
                return AttributeValues.Definition.refused("There is no contact attribute '" + name
                        + "'. Create it with POST /contact-attributes, or leave it out.");
            } else if (attribute.hardReadOnly()) {
                return AttributeValues.Definition.refused("The " + name + " is computed by Piggy and cannot be set.");
            } else if (attribute.softReadOnly()) {
                return AttributeValues.Definition.refused("The " + name + " is read-only here"
                        + ("email".equals(name) ? "; it changes by claiming an anonymous contact." : "."));
            }
            return AttributeValues.Definition.of(attribute.attributeType(), attribute.options());
        }, LocalDate.now(clock));
    }

    @Transactional
    ContactAttribute create(AccountId account, String name, String label, AttributeType attributeType,
                            String description, String groupName, Object rawOptions) {
        AttributeDefinitions.name(name);
        List<AttributeOption> options = AttributeDefinitions.options(attributeType, rawOptions);
        String shownLabel = AttributeDefinitions.label(label, name);
        return attributes.insert(account, new ContactAttributes.NewAttribute(name, shownLabel, attributeType,
                        description, groupName, options))
                .orElseThrow(() -> new ApiException(ErrorCode.ATTRIBUTE_ALREADY_EXISTS,
                        "This account already has an attribute named '" + name + "'. Choose another name."));
    }

    @Transactional
    ContactAttribute update(AccountId account, String name, String label, String description, String groupName,
                            Object rawOptions) {
        ContactAttribute current = attributes.find(account, name).orElseThrow(() -> new ApiException(
                ErrorCode.MODEL_NOT_FOUND, "There is no contact attribute '" + name + "'."));
        List<AttributeOption> options = null;
        if (rawOptions != null && current.attributeType().hasOptions()) {
            options = AttributeOptions.parse(rawOptions);
            if (options.isEmpty()) {
                throw ApiException.invalidField("options", "A " + current.type() + " attribute needs at least one option.");
            }
        }
        return attributes.update(account, name, label == null || label.isBlank() ? null : label.trim(), description,
                groupName, options).orElseThrow();
    }
}
