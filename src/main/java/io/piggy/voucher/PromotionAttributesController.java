package io.piggy.voucher;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

@RestController
@RequestMapping("/api/v3/oauth/clients/promotion-attributes")
@Tag(name = "Promotion attributes")
class PromotionAttributesController {
    /** The custom attribute types of Piggy's API. */
    static final Set<String> TYPES = Set.of("url", "text", "date", "phone", "float", "color", "email", "number",
            "select", "boolean", "rich_text", "date_time", "long_text", "date_range", "time_range", "identifier",
            "birth_date", "file_upload", "media_upload", "multi_select", "license_plate");
    /** Attribute values are flattened into the promotion object, so they may not shadow its fields. */
    static final Set<String> RESERVED = Set.of("uuid", "name", "description", "type", "redemptions_per_voucher",
            "voucher_limit", "limit_per_contact", "expiration_duration", "status", "attributes");

    private final PromotionAttributes attributes;

    PromotionAttributesController(PromotionAttributes attributes) {
        this.attributes = attributes;
    }

    @GetMapping
    @Operation(summary = "List promotion attributes")
    Envelope<List<PromotionAttributeResponse>> list(AccountId account) {
        return Envelope.of(attributes.all(account));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a promotion attribute", description = "60013 when the attribute is unknown.")
    Envelope<PromotionAttributeResponse> get(AccountId account, @PathVariable long id) {
        return Envelope.of(attributes.find(account, id).orElseThrow(PromotionAttributesController::notFound));
    }

    @PostMapping
    @Operation(summary = "Create a promotion attribute",
            description = "Requires name, label and type (one of Piggy's custom attribute types). "
                    + "1003 on invalid input, 60009 when the name exists.")
    Envelope<PromotionAttributeResponse> create(AccountId account, @Valid @RequestBody PromotionAttributeRequest request) {
        if (request.name() == null || request.name().isBlank()) {
            throw ApiException.invalidField("name", "The name field is required.");
        }
        if (RESERVED.contains(request.name())) {
            throw ApiException.invalidField("name", "The name " + request.name()
                    + " is a promotion field; choose another name.");
        }
        if (request.label() == null || request.label().isBlank()) {
            throw ApiException.invalidField("label", "The label field is required.");
        }
        requireType(request.type(), true);
        return Envelope.of(attributes.create(account, request.name(), request.label(), request.description(),
                        request.placeholder(), request.type(), request.options() == null ? List.of() : request.options())
                .orElseThrow(() -> new ApiException(ErrorCode.ATTRIBUTE_ALREADY_EXISTS,
                        "A promotion attribute named " + request.name() + " exists; update it instead.")));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a promotion attribute",
            description = "Changes label, description, placeholder, type or options; the name stays. "
                    + "1003 on invalid input, 60013 when the attribute is unknown.")
    Envelope<PromotionAttributeResponse> update(AccountId account, @PathVariable long id,
                                                @Valid @RequestBody PromotionAttributeRequest request) {
        PromotionAttributeResponse existing = attributes.find(account, id).orElseThrow(PromotionAttributesController::notFound);
        if (request.name() != null && !request.name().isBlank() && !request.name().equals(existing.name())) {
            throw ApiException.invalidField("name", "The name of an attribute cannot change; create a new attribute.");
        }
        requireType(request.type(), false);
        return Envelope.of(attributes.update(account, id, blankToNull(request.label()), request.description(),
                        request.placeholder(), request.type(), request.options())
                .orElseThrow(PromotionAttributesController::notFound));
    }

    private static void requireType(String type, boolean required) {
        if (type == null && !required) {
            return;
        }
        if (type == null || !TYPES.contains(type)) {
            throw ApiException.invalidField("type", "The type must be one of " + String.join(", ", TYPES.stream().sorted().toList()) + ".");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.MODEL_NOT_FOUND, "No promotion attribute has this id.");
    }
}
