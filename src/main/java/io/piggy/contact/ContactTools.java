package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.attribute.AttributeType;
import io.piggy.shared.tool.InputSchema;
import io.piggy.shared.tool.Tool;
import io.piggy.shared.tool.ToolCall;
import io.piggy.shared.tool.ToolResource;
import io.piggy.shared.tool.ToolSet;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The contact operations as agent tools: each runs the route's own method, so the rules are the routes'. */
@Component
class ContactTools implements ToolSet {
    private static final List<String> TYPES = Arrays.stream(AttributeType.values()).map(AttributeType::apiName).toList();

    private final ContactsController contacts;
    private final ContactMergeController merges;
    private final ContactAttributesController attributes;
    private final ContactVerificationController verification;

    ContactTools(ContactsController contacts, ContactMergeController merges, ContactAttributesController attributes,
                 ContactVerificationController verification) {
        this.contacts = contacts;
        this.merges = merges;
        this.attributes = attributes;
        this.verification = verification;
    }

    @Override
    public List<Tool> tools() {
        return List.of(
                Tool.writing("find_or_create_contact", "Find or Create Contact",
                        "Use when you have a customer's email and need their contact (its uuid) for any other tool: "
                                + "finds the contact with that email (case-insensitive) or creates it. Nothing is needed "
                                + "first. Errors: 1003 bad email.",
                        InputSchema.object().email("email", "The customer's email address.").required("email"),
                        Tool.Output.OBJECT,
                        call -> contacts.findOrCreate(account(call), call.string("email"))),
                Tool.reading("get_contact", "Get Contact",
                        "Use when you need a contact's details: email, attribute values, credit balance, tier, "
                                + "subscriptions. Needs a contact_uuid (find_or_create_contact or list_contacts). "
                                + "Errors: 1003, 55031 contact.",
                        InputSchema.object().uuid("contact_uuid", "The contact.").required("contact_uuid"),
                        Tool.Output.OBJECT,
                        call -> contacts.get(account(call), call.uuid("contact_uuid"))),
                Tool.reading("list_contacts", "List Contacts",
                        "Use when you look for contacts: by exact email (answers that contact or none), or page "
                                + "through them by creation date. Errors: 1003 bad parameter.",
                        InputSchema.object()
                                .email("email", "Only the contact with this email (case-insensitive).")
                                .dateTime("created_after", "Only contacts created at or after this ISO-8601 time.")
                                .dateTime("created_before", "Only contacts created before this ISO-8601 time.")
                                .oneOf("sort", "Oldest first (created_at, the default) or newest first.",
                                        List.of("created_at", "-created_at"))
                                .paged(100),
                        Tool.Output.ARRAY,
                        this::list),
                Tool.writing("claim_anonymous_contact", "Claim Anonymous Contact",
                        "Use when an anonymous contact (made at a till without an email) tells you their real "
                                + "email: gives the contact that email, or merges it into the contact that has it. "
                                + "Needs the anonymous contact's uuid. Errors: 1003 bad email, 55031 contact, 60016 "
                                + "not anonymous.",
                        InputSchema.object()
                                .uuid("anonymous_contact_uuid", "The anonymous contact.")
                                .email("email", "The contact's real email.")
                                .required("anonymous_contact_uuid", "email"),
                        Tool.Output.OBJECT,
                        call -> merges.claim(account(call), call.uuid("anonymous_contact_uuid"),
                                call.body(ClaimContactRequest.class))),
                Tool.writing("create_contact_attribute", "Create Contact Attribute",
                        "Use when contacts need a new field (e.g. favorite_color) that piggy://contact-attributes "
                                + "does not list yet. select and multi_select need options. Errors: 1003 bad input, "
                                + "60009 the attribute exists.",
                        InputSchema.object()
                                .string("name", "Internal name: a-z, 0-9 and _, unique in the account.")
                                .string("label", "What people see.")
                                .oneOf("data_type", "The attribute's type.", TYPES)
                                .string("description", "What it is for.")
                                .array("options", "For select and multi_select: the choices.", Map.of("type", "object",
                                        "properties", Map.of("label", Map.of("type", "string"),
                                                "value", Map.of("type", "string")),
                                        "required", List.of("label", "value")))
                                .required("name", "label", "data_type"),
                        Tool.Output.OBJECT,
                        call -> attributes.create(account(call), call.body(AttributeRequest.class))),
                // a read as on the HTTP API (GET): the token is not kept in the idempotency store
                Tool.reading("get_contact_auth_token", "Get Contact Auth Token",
                        "Use when a contact must sign in to a custom app or portal: issues a token that acts for "
                                + "that contact only (on /api/v3/contact/**), valid 30 days unless revoked. Needs a "
                                + "contact_uuid (find_or_create_contact). Errors: 1003, 55031 contact.",
                        InputSchema.object().uuid("contact_uuid", "The contact.").required("contact_uuid"),
                        Tool.Output.STRING,
                        call -> verification.authToken(account(call), call.uuid("contact_uuid"))));
    }

    @Override
    public List<ToolResource> resources() {
        return List.of(new ToolResource("piggy://contact-attributes", "contact-attributes",
                "Every attribute a contact can have, Piggy's predefined ones first: name, label, type and options. "
                        + "Use the names in contact attribute values; create new ones with create_contact_attribute.",
                account -> attributes.list(new AccountId(account)).data()));
    }

    private Envelope<?> list(ToolCall call) {
        String email = call.optionalString("email");
        if (email != null) {
            try {
                return Envelope.of(List.of(contacts.findOneBy(account(call), email).data()));
            } catch (ApiException e) {
                if (e.code() == ErrorCode.CONTACT_NOT_FOUND) {
                    return Envelope.of(List.of());
                }
                throw e;
            }
        }
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "page", call.optionalInteger("page"));
        put(query, "limit", call.optionalInteger("limit"));
        put(query, "sort", call.optionalString("sort"));
        put(query, "created_at[gte]", call.optionalString("created_after"));
        put(query, "created_at[lt]", call.optionalString("created_before"));
        return contacts.list(account(call), query);
    }

    private static void put(Map<String, String> query, String name, Object value) {
        if (value != null) {
            query.put(name, value.toString());
        }
    }

    private static AccountId account(ToolCall call) {
        return new AccountId(call.account());
    }
}
