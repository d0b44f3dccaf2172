package io.piggy.contact;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import io.piggy.support.Concurrently;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.piggy.contact.ContactCalls.createAnonymous;
import static io.piggy.contact.ContactCalls.createContact;
import static io.piggy.contact.ContactCalls.createSubscriptionType;
import static io.piggy.contact.ContactCalls.setAttributes;
import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

class ClaimAndMergeIT extends ApiIT {

    private static Api.Response claim(Api api, String contact, String email) {
        return api.putJson(PREFIX + "/contacts/" + contact + "/claim", Map.of("email", email));
    }

    @Test
    void claimingWithANewEmailKeepsTheContact() {
        Api api = as(newAccount("Claim new"));
        String anonymous = createAnonymous(api);
        setAttributes(api, anonymous, Map.of("firstname", "Ada"));
        Api.Response claimed = claim(api, anonymous, "Ada@Example.com");
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        assertThat(claimed.data().get("uuid").asString()).isEqualTo(anonymous);
        assertThat(claimed.data().get("email").asString()).isEqualTo("Ada@Example.com");
        assertThat(claimed.data().get("current_values").get("is_anonymous").asBoolean()).isFalse();
        assertThat(claimed.data().get("current_values").get("firstname").asString()).isEqualTo("Ada");
        assertThat(api.get(PREFIX + "/contacts/find-one-by?email=ada%40example.com").data().get("uuid").asString())
                .isEqualTo(anonymous);
        assertThat(claim(api, anonymous, "ada@example.com").data().get("uuid").asString())
                .as("claiming again with the same email answers the same contact").isEqualTo(anonymous);
    }

    @Test
    void claimingWithAKnownEmailMergesEverythingIntoTheExistingContact() {
        Api api = as(newAccount("Claim merge"));
        String newsletter = createSubscriptionType(api, "Newsletter", "OPT_IN");
        String offers = createSubscriptionType(api, "Offers", "OPT_IN");
        String existing = createContact(api, "known@example.com");
        setAttributes(api, existing, Map.of("firstname", "Ada", "city", ""));
        api.putJson(PREFIX + "/contact-subscriptions/" + existing + "/unsubscribe", Map.of("subscription_type_uuid", offers));

        Api.Response anon = api.postJson(PREFIX + "/contacts/anonymous", Map.of("contact_identifier_value", "CARD-9"));
        String anonymous = anon.data().get("uuid").asString();
        setAttributes(api, anonymous, Map.of("firstname", "Anon", "city", "Ede", "lastname", "Lovelace"));
        api.putJson(PREFIX + "/contact-subscriptions/" + anonymous + "/subscribe", Map.of("subscription_type_uuid", newsletter));
        api.putJson(PREFIX + "/contact-subscriptions/" + anonymous + "/subscribe", Map.of("subscription_type_uuid", offers));
        RecordingContactExtensions.FACTS.put(UUID.fromString(anonymous), Map.of("loyalty_balance", 30L));
        RecordingContactExtensions.FACTS.put(UUID.fromString(existing), Map.of("loyalty_balance", 12L));
        String anonymousToken = api.get(PREFIX + "/contact-verification/auth-token/" + anonymous).data().asString();

        Api.Response merged = claim(api, anonymous, "KNOWN@example.com");
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        JsonNode contact = merged.data();
        assertThat(contact.get("uuid").asString()).isEqualTo(existing);
        JsonNode values = contact.get("current_values");
        assertThat(values.get("firstname").asString()).as("the destination's value wins").isEqualTo("Ada");
        assertThat(values.get("city").asString()).as("an empty destination value does not").isEqualTo("Ede");
        assertThat(values.get("lastname").asString()).isEqualTo("Lovelace");
        assertThat(values.get("default_contact_identifier").asString()).isEqualTo("CARD-9");
        assertThat(contact.get("credit_balance").get("balance").asLong()).as("moved by the merge step, once").isEqualTo(42);
        assertThat(RecordingContactExtensions.CALLS).contains("merge " + anonymous + " " + existing);
        Map<String, String> statuses = new java.util.HashMap<>();
        contact.get("subscriptions").forEach(s -> statuses.put(s.get("subscription_type").get("name").asString(), s.get("status").asString()));
        assertThat(statuses).containsEntry("Newsletter", "SUBSCRIBED").as("the destination's own choice stays")
                .containsEntry("Offers", "UNSUBSCRIBED");

        assertThat(api.get(PREFIX + "/contacts/" + anonymous).code()).isEqualTo(55031);
        assertThat(anonymous().as(anonymousToken).get("/api/v3/contact/me").code()).isEqualTo(3000);
        assertThat(claim(api, anonymous, "known@example.com").data().get("uuid").asString())
                .as("repeating the claim answers the survivor").isEqualTo(existing);
        assertThat(api.get(PREFIX + "/contacts").json().get("meta").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void claimErrors() {
        Api api = as(newAccount("Claim errors"));
        String real = createContact(api, "real@example.com");
        String anonymous = createAnonymous(api);
        Api.Response notAnonymous = claim(api, real, "other@example.com");
        assertThat(notAnonymous.status()).isEqualTo(409);
        assertThat(notAnonymous.code()).isEqualTo(60016);
        assertThat(claim(api, UUID.randomUUID().toString(), "x@example.com").code()).isEqualTo(55031);
        Api.Response badEmail = claim(api, anonymous, "not-an-email");
        assertThat(badEmail.code()).isEqualTo(1003);
        assertThat(badEmail.json().get("errors").has("email")).isTrue();
        assertThat(api.putJson(PREFIX + "/contacts/" + anonymous + "/claim", Map.of()).code()).isEqualTo(1003);
        String fictitious = api.get(PREFIX + "/contacts/" + anonymous).data().get("email").asString();
        assertThat(claim(api, anonymous, fictitious).code()).as("its own fictitious email is no real one").isEqualTo(1003);
        assertThat(api.get(PREFIX + "/contacts/" + anonymous).status()).isEqualTo(200);
        assertThat(claim(as(newAccount("Claim other")), anonymous, "x@example.com").code()).isEqualTo(55031);
    }

    @Test
    void mergeTwoContacts() {
        Api api = as(newAccount("Merge"));
        String source = createContact(api, "source@example.com");
        String destination = createContact(api, "destination@example.com");
        setAttributes(api, source, Map.of("firstname", "Src", "lastname", "Only"));
        api.postJson(PREFIX + "/contact-identifiers", Map.of("contact_identifier_value", "SRC-1", "contact_uuid", source));
        Api.Response merged = api.postJson(PREFIX + "/contacts/merge",
                Map.of("source_contact_uuid", source, "destination_contact_uuid", destination));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.data().get("uuid").asString()).isEqualTo(destination);
        assertThat(merged.data().get("current_values").get("lastname").asString()).isEqualTo("Only");
        assertThat(api.get(PREFIX + "/contact-identifiers/find?contact_identifier_value=SRC-1").data().get("contact")
                .get("uuid").asString()).isEqualTo(destination);
        assertThat(api.get(PREFIX + "/contacts/" + source).code()).isEqualTo(55031);
        assertThat(createContact(api, "source@example.com")).as("the source's email is free again").isNotEqualTo(source);

        assertThat(api.postJson(PREFIX + "/contacts/merge", Map.of("source_contact_uuid", source,
                "destination_contact_uuid", destination)).code()).isEqualTo(55031);
        assertThat(api.postJson(PREFIX + "/contacts/merge", Map.of("source_contact_uuid", destination,
                "destination_contact_uuid", UUID.randomUUID().toString())).code()).isEqualTo(55031);
        assertThat(api.postJson(PREFIX + "/contacts/merge", Map.of("source_contact_uuid", destination,
                "destination_contact_uuid", destination)).code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/contacts/merge", Map.of("source_contact_uuid", destination)).code()).isEqualTo(1003);
    }

    @Test
    void aFailingMergeStepUndoesTheWholeMerge() {
        Api api = as(newAccount("Merge rollback"));
        String source = createContact(api, "rollback-source@example.com");
        String destination = createContact(api, "rollback-destination@example.com");
        setAttributes(api, source, Map.of("firstname", "Src"));
        api.postJson(PREFIX + "/contact-identifiers", Map.of("contact_identifier_value", "RB-1", "contact_uuid", source));
        RecordingContactExtensions.FAIL_MERGES_INTO.add(UUID.fromString(destination));
        try {
            Api.Response failed = api.postJson(PREFIX + "/contacts/merge",
                    Map.of("source_contact_uuid", source, "destination_contact_uuid", destination));
            assertThat(failed.status()).isEqualTo(500);
        } finally {
            RecordingContactExtensions.FAIL_MERGES_INTO.remove(UUID.fromString(destination));
        }
        assertThat(api.get(PREFIX + "/contacts/" + source).status()).isEqualTo(200);
        assertThat(api.get(PREFIX + "/contact-identifiers/find?contact_identifier_value=RB-1").data().get("contact")
                .get("uuid").asString()).isEqualTo(source);
        assertThat(api.get(PREFIX + "/contacts/" + destination).data().get("current_values").has("firstname")).isFalse();
    }

    @Test
    void concurrentClaimsOfOneContactGiveOneContact() throws Exception {
        Api api = as(newAccount("Claim race same"));
        String anonymous = createAnonymous(api);
        Set<String> answers = run(20, i -> claim(api, anonymous, "race@example.com"));
        assertThat(answers).containsExactly(anonymous);
        assertThat(api.get(PREFIX + "/contacts").json().get("meta").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void concurrentClaimsOfManyContactsWithOneEmailMergeIntoOne() throws Exception {
        Api api = as(newAccount("Claim race many"));
        List<String> anonymous = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            anonymous.add(createAnonymous(api));
        }
        Set<String> answers = run(anonymous.size() + 6, i -> i < anonymous.size()
                ? claim(api, anonymous.get(i), "shared@example.com")
                : api.get(PREFIX + "/contacts/find-or-create?email=SHARED%40example.com"));
        assertThat(answers).as("every call answers the one contact with that email").hasSize(1);
        Api.Response list = api.get(PREFIX + "/contacts?limit=100");
        assertThat(list.json().get("meta").get("total").asInt()).isEqualTo(1);
        assertThat(list.data().get(0).get("email").asString()).isEqualToIgnoringCase("shared@example.com");
    }

    @Test
    void concurrentMergesInBothDirectionsDoNotDeadlockOrDuplicate() throws Exception {
        Api api = as(newAccount("Merge race"));
        String a = createContact(api, "a@example.com");
        String b = createContact(api, "b@example.com");
        List<Api.Response> responses = new ArrayList<>();
        runAll(10, i -> api.postJson(PREFIX + "/contacts/merge", i % 2 == 0
                ? Map.of("source_contact_uuid", a, "destination_contact_uuid", b)
                : Map.of("source_contact_uuid", b, "destination_contact_uuid", a)), responses);
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 404));
        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(api.get(PREFIX + "/contacts").json().get("meta").get("total").asInt()).isEqualTo(1);
    }

    interface Call {
        Api.Response call(int i);
    }

    /** Runs the calls at once; every one must succeed; answers the contact uuids they gave. */
    private static Set<String> run(int n, Call call) throws Exception {
        List<Api.Response> responses = new ArrayList<>();
        runAll(n, call, responses);
        Set<String> uuids = new HashSet<>();
        for (Api.Response r : responses) {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            uuids.add(r.data().get("uuid").asString());
        }
        return uuids;
    }

    private static void runAll(int n, Call call, List<Api.Response> into) throws Exception {
        into.addAll(Concurrently.run(n, i -> () -> call.call(i)));
    }
}
