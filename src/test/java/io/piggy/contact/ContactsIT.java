package io.piggy.contact;

import io.piggy.support.Api;
import io.piggy.support.PageMeta;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.piggy.contact.ContactCalls.createAnonymous;
import static io.piggy.contact.ContactCalls.createContact;
import static io.piggy.contact.ContactCalls.setAttributes;
import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

class ContactsIT extends ApiIT {

    /** A page of contacts with their loyalty values costs the same few queries, whatever its size. */
    @Test
    void aPageOfContactsCostsAFixedNumberOfQueries() {
        Api api = as(newAccount("Contacts page queries"));
        String shop = api.get(PREFIX + "/shops").data().get(0).get("uuid").asString();
        for (int i = 0; i < 60; i++) {
            String contact = createContact(api, "page-" + i + "@example.com");
            if (i % 2 == 0) {
                api.postJson(PREFIX + "/credit-receptions", Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", i + 1));
            }
        }
        long small = statementsFor(api, PREFIX + "/contacts?limit=5");
        long large = statementsFor(api, PREFIX + "/contacts?limit=60");
        assertThat(large).as("60 contacts against 5").isEqualTo(small);
        assertThat(api.get(PREFIX + "/contacts?limit=60").data()).hasSize(60)
                .allSatisfy(c -> assertThat(c.get("current_values").has("loyalty_balance")).isTrue());
    }

    private static long statementsFor(Api api, String path) {
        long before = io.piggy.support.StatementCounter.statements();
        assertThat(api.get(path).status()).isEqualTo(200);
        return io.piggy.support.StatementCounter.statements() - before;
    }

    /** Creating, finding-or-creating and claiming take the same emails (they once had two checks). */
    @Test
    void everyWayInTakesTheSameEmails() {
        Api api = as(newAccount("Contacts emails"));
        String longLocal = "x".repeat(70) + "@example.com";
        for (String email : List.of("a..b@example.com", longLocal)) {
            String query = URLEncoder.encode(email, StandardCharsets.UTF_8);
            Api.Response created = api.postJson(PREFIX + "/contacts", Map.of("email", "new-" + email));
            Api.Response found = api.get(PREFIX + "/contacts/find-or-create?email=" + query);
            assertThat(created.status()).as("create " + email + ": " + created).isEqualTo(found.status()).isEqualTo(200);
        }
        for (String email : List.of("nope", "a@b", "a b@example.com", "@example.com")) {
            String query = URLEncoder.encode(email, StandardCharsets.UTF_8);
            assertThat(api.postJson(PREFIX + "/contacts", Map.of("email", email)).code()).as(email).isEqualTo(1003);
            assertThat(api.get(PREFIX + "/contacts/find-or-create?email=" + query).code()).as(email).isEqualTo(1003);
        }
    }

    @Test
    void asyncCallsAnswerOnlyTheUuid() {
        Api api = as(newAccount("Contacts async"));
        Api.Response created = api.postJson(PREFIX + "/contacts/async", Map.of("email", "async@example.com"));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.data().propertyNames()).containsExactly("uuid");
        String uuid = created.data().get("uuid").asString();
        assertThat(api.get(PREFIX + "/contacts/" + uuid).data().get("email").asString()).isEqualTo("async@example.com");
        assertThat(api.postJson(PREFIX + "/contacts/async", Map.of("email", "ASYNC@example.com")).code()).isEqualTo(60005);
        assertThat(api.postJson(PREFIX + "/contacts/async", Map.of("email", "nope")).code()).isEqualTo(1003);

        Api.Response found = api.get(PREFIX + "/contacts/find-or-create/async?email=async%40example.com");
        assertThat(found.data().get("uuid").asString()).isEqualTo(uuid);
        Api.Response fresh = api.get(PREFIX + "/contacts/find-or-create/async?email=fresh%40example.com");
        assertThat(fresh.data().get("uuid").asString()).isNotEqualTo(uuid);
        assertThat(api.get(PREFIX + "/contacts/find-or-create/async?email=bad").code()).isEqualTo(1003);
    }

    @Test
    void anonymousContactsHaveAUniqueFictitiousEmail() {
        Api api = as(newAccount("Contacts anonymous"));
        Api.Response first = api.postJson(PREFIX + "/contacts/anonymous", Map.of());
        Api.Response second = api.send(api.request(PREFIX + "/contacts/anonymous")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        JsonNode values = first.data().get("current_values");
        assertThat(values.get("is_anonymous").asBoolean()).isTrue();
        assertThat(first.data().get("email").asString()).endsWith("@anonymous.invalid")
                .isNotEqualTo(second.data().get("email").asString());
        assertThat(first.data().get("current_display_values").get("is_anonymous").asString()).isEqualTo("Yes");
    }

    @Test
    void anonymousContactWithAnIdentifier() {
        Api api = as(newAccount("Contacts anonymous identifier"));
        Api.Response created = api.postJson(PREFIX + "/contacts/anonymous", Map.of("contact_identifier_value", "CARD-1"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String uuid = created.data().get("uuid").asString();
        assertThat(created.data().get("current_values").get("default_contact_identifier").asString()).isEqualTo("CARD-1");
        Api.Response identifier = api.get(PREFIX + "/contact-identifiers/find?contact_identifier_value=CARD-1");
        assertThat(identifier.data().get("contact").get("uuid").asString()).isEqualTo(uuid);

        Api.Response taken = api.postJson(PREFIX + "/contacts/anonymous", Map.of("contact_identifier_value", "CARD-1"));
        assertThat(taken.code()).isEqualTo(60014);

        // a free, existing identifier is linked; an inactive one refused
        api.postJson(PREFIX + "/contact-identifiers", Map.of("contact_identifier_value", "CARD-2"));
        assertThat(api.postJson(PREFIX + "/contacts/anonymous", Map.of("contact_identifier_value", "CARD-2")).status())
                .isEqualTo(200);
        api.postJson(PREFIX + "/contact-identifiers", Map.of("contact_identifier_value", "CARD-3"));
        api.putJson(PREFIX + "/contact-identifiers", Map.of("contact_identifier_value", "CARD-3", "contact_identifier_active", false));
        assertThat(api.postJson(PREFIX + "/contacts/anonymous", Map.of("contact_identifier_value", "CARD-3")).code())
                .isEqualTo(60004);
        assertThat(api.postJson(PREFIX + "/contacts/anonymous", Map.of("contact_identifier_value", " ")).code())
                .isEqualTo(1003);
        assertThat(api.get(PREFIX + "/contacts?limit=100").data()).as("refused creations left nothing behind").hasSize(2);
    }

    @Test
    void theContactObjectHasRealSystemValues() {
        Api api = as(newAccount("Contacts system values"));
        String uuid = createContact(api, "system@example.com");
        Api.Response r = api.get(PREFIX + "/contacts/" + uuid);
        JsonNode data = r.data();
        assertThat(data.get("id").asLong()).isPositive();
        assertThat(data.get("tier").isNull()).isTrue();
        assertThat(data.get("subscriptions").isArray()).isTrue();
        assertThat(data.get("credit_balance").get("balance").asLong()).isZero();
        assertThat(data.get("prepaid_balance").get("balance_in_cents").asLong()).isZero();
        JsonNode values = data.get("current_values");
        assertThat(values.get("email").asString()).isEqualTo("system@example.com");
        assertThat(values.get("is_anonymous").asBoolean()).isFalse();
        assertThat(values.get("channel").asString()).isEqualTo("OAUTH_API");
        assertThat(values.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(OffsetDateTime.parse(values.get("created_at").asString())).isNotNull();
        assertThat(values.get("updated_at").asString()).isEqualTo(values.get("created_at").asString());
        for (String key : List.of("loyalty_balance", "loyalty_total_credits_received", "loyalty_number_of_transactions",
                "prepaid_balance", "previous_loyalty_balance")) {
            assertThat(values.get(key).asLong()).as(key).isZero();
        }
        assertThat(data.get("current_display_values").get("email").asString()).isEqualTo("system@example.com");
    }

    @Test
    void factsOfOtherFeaturesShowInTheContact() {
        Api api = as(newAccount("Contacts facts"));
        String uuid = createContact(api, "facts@example.com");
        RecordingContactExtensions.FACTS.put(UUID.fromString(uuid), Map.of("loyalty_balance", 120L,
                "loyalty_total_credits_received", 300L, "loyalty_number_of_transactions", 4L));
        JsonNode data = api.get(PREFIX + "/contacts/" + uuid).data();
        assertThat(data.get("credit_balance").get("balance").asLong()).isEqualTo(120);
        assertThat(data.get("current_values").get("loyalty_total_credits_received").asLong()).isEqualTo(300);
        assertThat(data.get("current_values").get("loyalty_number_of_transactions").asLong()).isEqualTo(4);
        assertThat(data.get("current_display_values").get("loyalty_balance").asString()).isEqualTo("120");
    }

    @Test
    void listPagesSortsAndFilters() throws Exception {
        Api api = as(newAccount("Contacts list"));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createContact(api, "list" + i + "@example.com"));
            // a second apart, as if created over five seconds
            TestSql.update("UPDATE contacts SET created_at = timestamptz '2026-01-01 10:00:00+00' + make_interval(secs => ?) "
                    + "WHERE id = ?::uuid", i, created.get(i));
        }
        Api.Response page = api.get(PREFIX + "/contacts?limit=2&page=2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(uuids(page)).containsExactly(created.get(2), created.get(3));
        assertThat(PageMeta.of(page)).isEqualTo(new PageMeta(2, 2, 3, 4, 3, 5));

        assertThat(uuids(api.get(PREFIX + "/contacts?sort=-created_at&limit=2"))).containsExactly(created.get(4), created.get(3));
        assertThat(api.get(PREFIX + "/contacts").json().get("meta").get("limit").asInt()).isEqualTo(30);

        String third = api.get(PREFIX + "/contacts/" + created.get(2)).data().get("current_values").get("created_at").asString();
        String q = URLEncoder.encode(third, StandardCharsets.UTF_8);
        assertThat(uuids(api.get(PREFIX + "/contacts?created_at%5Bgte%5D=" + q))).containsExactly(created.get(2), created.get(3), created.get(4));
        assertThat(uuids(api.get(PREFIX + "/contacts?created_at%5Bgt%5D=" + q))).containsExactly(created.get(3), created.get(4));
        assertThat(uuids(api.get(PREFIX + "/contacts?created_at%5Blt%5D=" + q))).containsExactly(created.get(0), created.get(1));
        Api.Response filtered = api.get(PREFIX + "/contacts?created_at%5Blte%5D=" + q + "&limit=1");
        assertThat(filtered.json().get("meta").get("total").asInt()).isEqualTo(3);

        for (String bad : List.of("limit=101", "limit=0", "page=0", "page=x", "sort=email", "created_at%5Beq%5D=2026-01-01",
                "created_at%5Bgt%5D=yesterday")) {
            Api.Response r = api.get(PREFIX + "/contacts?" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.code()).as(bad).isEqualTo(1003);
        }
        assertThat(api.get(PREFIX + "/contacts?limit=100").status()).isEqualTo(200);
    }

    private static List<String> uuids(Api.Response r) {
        List<String> uuids = new ArrayList<>();
        r.data().forEach(c -> uuids.add(c.get("uuid").asString()));
        return uuids;
    }

    @Test
    void updateSetsAndClearsValues() {
        Api api = as(newAccount("Contacts update"));
        String uuid = createContact(api, "update@example.com");
        Map<String, Object> values = new HashMap<>(Map.of("firstname", "Ada", "lastname", "Lovelace", "birthdate", "1990-05-17"));
        Api.Response r = setAttributes(api, uuid, values);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode current = r.data().get("current_values");
        assertThat(current.get("firstname").asString()).isEqualTo("Ada");
        assertThat(current.get("birthdate").asString()).isEqualTo("1990-05-17");
        assertThat(current.get("age").asInt()).isBetween(35, 80);

        Map<String, Object> clear = new HashMap<>();
        clear.put("lastname", null);
        clear.put("firstname", "Augusta");
        current = setAttributes(api, uuid, clear).data().get("current_values");
        assertThat(current.get("firstname").asString()).isEqualTo("Augusta");
        assertThat(current.has("lastname")).isFalse();
        assertThat(current.get("birthdate").asString()).as("untouched values stay").isEqualTo("1990-05-17");

        // the PHP SDK sends a form: attributes[firstname]=…
        Api.Response form = api.form("PUT", PREFIX + "/contacts/" + uuid, List.of(field("attributes[firstname]", "Ada"),
                field("attributes[phonenumber]", "+31 20 123 4567")));
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        assertThat(form.data().get("current_values").get("phonenumber").asString()).isEqualTo("+31 20 123 4567");
    }

    @Test
    void updateRefusesReadOnlyUnknownAndBadValuesPerField() {
        Api api = as(newAccount("Contacts update errors"));
        String uuid = createContact(api, "strict@example.com");
        Api.Response r = setAttributes(api, uuid, Map.of("firstname", "Ada", "email", "other@example.com",
                "loyalty_balance", 1000, "created_at", "2020-01-01T00:00:00+00:00", "no_such_thing", "x",
                "birthdate", "tomorrow"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(1003);
        assertThat(r.json().get("errors").propertyNames()).containsExactlyInAnyOrder("attributes.email",
                "attributes.loyalty_balance", "attributes.created_at", "attributes.no_such_thing", "attributes.birthdate");
        assertThat(api.get(PREFIX + "/contacts/" + uuid).data().get("current_values").has("firstname"))
                .as("nothing is saved when a value is refused").isFalse();

        assertThat(api.putJson(PREFIX + "/contacts/" + uuid, Map.of()).code()).isEqualTo(1003);
        assertThat(setAttributes(api, UUID.randomUUID().toString(), Map.of("firstname", "X")).code()).isEqualTo(55031);
    }

    @Test
    void defaultDeleteHidesTheContactAndFreesItsEmailAndIdentifiers() {
        Api api = as(newAccount("Contacts delete"));
        String uuid = createContact(api, "gone@example.com");
        api.postJson(PREFIX + "/contact-identifiers", Map.of("contact_identifier_value", "GONE-1", "contact_uuid", uuid));
        Api.Response deleted = api.postJson(PREFIX + "/contacts/" + uuid + "/delete", Map.of("type", "DEFAULT"));
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.data().isNull()).isTrue();
        assertThat(api.get(PREFIX + "/contacts/" + uuid).code()).isEqualTo(55031);
        assertThat(api.get(PREFIX + "/contacts/find-one-by?email=gone%40example.com").code()).isEqualTo(55031);
        assertThat(api.get(PREFIX + "/contacts").json().get("meta").get("total").asInt()).isZero();
        assertThat(api.get(PREFIX + "/contact-identifiers/find?contact_identifier_value=GONE-1").data().get("contact").isNull())
                .isTrue();
        assertThat(createContact(api, "gone@example.com")).isNotEqualTo(uuid);

        assertThat(api.postJson(PREFIX + "/contacts/" + uuid + "/delete", Map.of("type", "DEFAULT")).code()).isEqualTo(55031);
        String other = createContact(api, "other@example.com");
        assertThat(api.postJson(PREFIX + "/contacts/" + other + "/delete", Map.of("type", "SOFT")).code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/contacts/" + other + "/delete", Map.of()).code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/contacts/" + other + "/delete", Map.of("type", "default")).status()).isEqualTo(200);
    }

    @Test
    void anotherAccountCannotTouchTheContact() {
        Api alice = as(newAccount("Contacts owner"));
        Api bob = as(newAccount("Contacts intruder"));
        String uuid = createContact(alice, "mine@example.com");
        assertThat(setAttributes(bob, uuid, Map.of("firstname", "X")).code()).isEqualTo(55031);
        assertThat(bob.postJson(PREFIX + "/contacts/" + uuid + "/delete", Map.of("type", "GDPR")).code()).isEqualTo(55031);
        assertThat(bob.get(PREFIX + "/contacts").json().get("meta").get("total").asInt()).isZero();
        assertThat(createAnonymous(bob)).isNotBlank();
        assertThat(alice.get(PREFIX + "/contacts/" + uuid).status()).isEqualTo(200);
    }
}
