package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.attribute.AttributeDefinitions;
import io.piggy.shared.attribute.AttributeType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/** Contact attributes, under their own path (§2.2) and under the generic custom attributes (§3.9). */
@RestController
@RequestMapping("/api/v3/oauth/clients")
@Tag(name = "Contact attributes")
class ContactAttributesController {
    static final String CONTACT = "contact";
    private static final Set<String> ENTITIES = Set.of("business_profiles", "contact", "reward", "promotion", "voucher",
            "giftcard", "giftcard_transaction", "prepaid", "booking", "visit", "shift");
    private static final String CREATE_ERRORS = "1003 bad input (name a-z, 0-9, _; a known type; select and "
            + "multi_select need options), 60009 when the account has an attribute of that name.";
    private final ContactAttributeService attributes;

    ContactAttributesController(ContactAttributeService attributes) {
        this.attributes = attributes;
    }

    @GetMapping("/contact-attributes")
    @Operation(summary = "List contact attributes", description = "Piggy's predefined attributes first, then the account's own.")
    Envelope<List<AttributeResponse>> list(AccountId account) {
        return Envelope.of(attributes.attributes(account).stream().map(a -> AttributeResponse.of(a, null)).toList());
    }

    @PostMapping("/contact-attributes")
    @Operation(summary = "Create a contact attribute",
            description = "data_type is one of the 21 types; the answer names it type. Options as [{label, value}] or "
                    + "[{name, value}]. " + CREATE_ERRORS)
    Envelope<AttributeResponse> create(AccountId account, @Valid @RequestBody AttributeRequest request) {
        return Envelope.of(AttributeResponse.of(create(account, request, "data_type"), null));
    }

    @GetMapping("/custom-attributes")
    @Operation(summary = "List custom attributes of an entity", description = "Only entity=contact has attributes here. 1003 bad entity.")
    Envelope<List<AttributeResponse>> listCustom(AccountId account, @RequestParam(required = false) String entity) {
        requireContactEntity(entity);
        return Envelope.of(attributes.attributes(account).stream().map(a -> AttributeResponse.of(a, CONTACT)).toList());
    }

    @PostMapping("/custom-attributes")
    @Operation(summary = "Create a custom attribute", description = "entity must be contact. " + CREATE_ERRORS)
    Envelope<AttributeResponse> createCustom(AccountId account, @Valid @RequestBody AttributeRequest request) {
        requireContactEntity(request.entity());
        return Envelope.of(AttributeResponse.of(create(account, request, "type"), CONTACT));
    }

    @PutMapping("/custom-attributes/{name}")
    @Operation(summary = "Update a custom attribute",
            description = "Changes label, description, group_name and (select, multi_select) options; name and type "
                    + "stay. Values contacts have keep as they are. 1003 bad input, 60013 unknown attribute.")
    Envelope<AttributeResponse> updateCustom(AccountId account, @PathVariable String name,
                                             @Valid @RequestBody AttributeRequest request) {
        requireContactEntity(request.entity());
        return Envelope.of(AttributeResponse.of(attributes.update(account, name, request.label(), request.description(),
                request.groupName(), request.options()), CONTACT));
    }

    private ContactAttribute create(AccountId account, AttributeRequest request, String typeField) {
        AttributeType type = AttributeDefinitions.type(request.anyType(), typeField);
        return attributes.create(account, request.name(), request.label(), type, request.description(),
                request.groupName(), request.options());
    }

    private static void requireContactEntity(String entity) {
        if (entity == null || entity.isBlank()) {
            throw ApiException.invalidField("entity", "The entity field is required; use entity=contact.");
        }
        if (!ENTITIES.contains(entity)) {
            throw ApiException.invalidField("entity", "Unknown entity '" + entity + "'. Use entity=contact.");
        }
        if (!CONTACT.equals(entity)) {
            throw ApiException.invalidField("entity", "Custom attributes of " + entity + " are not supported yet; use entity=contact.");
        }
    }
}
