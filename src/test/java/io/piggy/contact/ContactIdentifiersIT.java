package io.piggy.contact;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.piggy.contact.ContactCalls.createContact;
import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

class ContactIdentifiersIT extends ApiIT {
    static final String ID = PREFIX + "/contact-identifiers";

    @Test
    void createFindLinkUnlinkUpdateDelete() {
        Api api = as(newAccount("Identifiers"));
        String ada = createContact(api, "ada@example.com");

        Api.Response created = api.postJson(ID, Map.of("contact_identifier_value", "CARD-100"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.data().get("name").asString()).as("name defaults to the value").isEqualTo("CARD-100");
        assertThat(created.data().get("active").asBoolean()).isTrue();
        assertThat(created.data().get("contact").isNull()).isTrue();

        Api.Response linked = api.putJson(ID + "/link", Map.of("contact_identifier_value", "CARD-100", "contact_uuid", ada));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        assertThat(linked.data().get("contact").get("uuid").asString()).isEqualTo(ada);
        assertThat(linked.data().get("contact").get("email").asString()).isEqualTo("ada@example.com");
        assertThat(linked.data().get("default").asBoolean()).isTrue();
        assertThat(api.putJson(ID + "/link", Map.of("contact_identifier_value", "CARD-100", "contact_uuid", ada)).status())
                .as("linking again to the same contact is fine").isEqualTo(200);

        Api.Response second = api.postJson(ID, Map.of("contact_identifier_value", "APP-7", "contact_uuid", ada,
                "contact_identifier_name", "App"));
        assertThat(second.data().get("name").asString()).isEqualTo("App");
        assertThat(second.data().get("default").asBoolean()).isFalse();
        assertThat(api.get(PREFIX + "/contacts/" + ada + "/contact-identifiers").data()).hasSize(2);
        assertThat(api.get(PREFIX + "/contacts/" + ada).data().get("current_values").get("default_contact_identifier")
                .asString()).isEqualTo("CARD-100");

        Api.Response found = api.get(ID + "/find?contact_identifier_value=APP-7");
        assertThat(found.data().get("contact").get("uuid").asString()).isEqualTo(ada);

        Api.Response unlinked = api.putJson(ID + "/unlink", Map.of("contact_identifier_value", "CARD-100"));
        assertThat(unlinked.status()).isEqualTo(200);
        assertThat(unlinked.data().get("contact").isNull()).isTrue();
        assertThat(api.get(PREFIX + "/contacts/" + ada).data().get("current_values").get("default_contact_identifier")
                .asString()).isEqualTo("APP-7");

        Api.Response renamed = api.putJson(ID, Map.of("contact_identifier_value", "APP-7", "contact_identifier_name", "Phone app"));
        assertThat(renamed.data().get("name").asString()).isEqualTo("Phone app");
        // "0" as the PHP SDK sends it: every form value is a string (a JSON body says false)
        assertThat(api.form("PUT", ID, List.of(Api.field("contact_identifier_value", "APP-7"),
                        Api.field("contact_identifier_active", "0")))
                .data().get("active").asBoolean()).isFalse();

        Api.Response deleted = api.delete(ID + "?contact_identifier_value=CARD-100");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(api.get(ID + "/find?contact_identifier_value=CARD-100").code()).isEqualTo(60003);
    }

    @Test
    void everyErrorCode() {
        Api api = as(newAccount("Identifier errors"));
        String ada = createContact(api, "ada@example.com");
        String bob = createContact(api, "bob@example.com");
        String unknownContact = UUID.randomUUID().toString();
        api.postJson(ID, Map.of("contact_identifier_value", "TAKEN", "contact_uuid", ada));
        api.postJson(ID, Map.of("contact_identifier_value", "FREE"));
        api.postJson(ID, Map.of("contact_identifier_value", "OFF"));
        api.putJson(ID, Map.of("contact_identifier_value", "OFF", "contact_identifier_active", false));

        expect(api.get(ID + "/find"), 1003);
        expect(api.get(ID + "/find?contact_identifier_value=NOPE"), 60003);
        expect(api.get(ID + "/find?contact_identifier_value=OFF"), 60004);

        expect(api.postJson(ID, Map.of()), 1003);
        expect(api.postJson(ID, Map.of("contact_identifier_value", "x".repeat(256))), 1003);
        expect(api.postJson(ID, Map.of("contact_identifier_value", "NEW", "contact_uuid", unknownContact)), 55031);
        expect(api.postJson(ID, Map.of("contact_identifier_value", "TAKEN")), 60006);

        expect(api.putJson(ID + "/link", Map.of("contact_identifier_value", "FREE")), 1003);
        expect(api.putJson(ID + "/link", Map.of("contact_identifier_value", "NOPE", "contact_uuid", ada)), 60003);
        expect(api.putJson(ID + "/link", Map.of("contact_identifier_value", "OFF", "contact_uuid", ada)), 60004);
        expect(api.putJson(ID + "/link", Map.of("contact_identifier_value", "FREE", "contact_uuid", unknownContact)), 55031);
        expect(api.putJson(ID + "/link", Map.of("contact_identifier_value", "TAKEN", "contact_uuid", bob)), 60014);

        expect(api.putJson(ID + "/unlink", Map.of()), 1003);
        expect(api.putJson(ID + "/unlink", Map.of("contact_identifier_value", "NOPE")), 60003);
        expect(api.putJson(ID + "/unlink", Map.of("contact_identifier_value", "OFF")), 60004);
        expect(api.putJson(ID + "/unlink", Map.of("contact_identifier_value", "FREE")), 60011);

        expect(api.putJson(ID, Map.of("contact_identifier_value", "NOPE", "contact_identifier_name", "x")), 60003);
        expect(api.delete(ID), 1003);
        expect(api.delete(ID + "?contact_identifier_value=NOPE"), 60003);
        expect(api.get(PREFIX + "/contacts/" + unknownContact + "/contact-identifiers"), 55031);

        Api other = as(newAccount("Identifier other account"));
        expect(other.get(ID + "/find?contact_identifier_value=TAKEN"), 60003);
        assertThat(other.postJson(ID, Map.of("contact_identifier_value", "TAKEN")).status())
                .as("values are unique per account").isEqualTo(200);
    }

    private static void expect(Api.Response r, int code) {
        assertThat(r.status()).as(r.toString()).isBetween(400, 499);
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
    }
}
