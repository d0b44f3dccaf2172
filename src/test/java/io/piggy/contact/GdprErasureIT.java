package io.piggy.contact;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.piggy.contact.ContactCalls.createAttribute;
import static io.piggy.contact.ContactCalls.createContact;
import static io.piggy.contact.ContactCalls.createSubscriptionType;
import static io.piggy.contact.ContactCalls.setAttributes;
import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/** A GDPR deletion leaves no trace of the contact's personal data in any table. */
class GdprErasureIT extends ApiIT {

    @Test
    void noTableHoldsTheErasedDataAfterwards() throws Exception {
        TestAccount account = newAccount("GDPR");
        Api api = as(account);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "Erase.Me." + tag + "@Example.com";
        String mergedEmail = "merged." + tag + "@example.com";
        String firstname = "Zebulon" + tag;
        String lastname = "Quixote" + tag;
        String nickname = "nick-" + tag;
        String phone = "+31 6 " + tag.replaceAll("[^0-9]", "7").substring(0, 4) + " 9911";
        String card = "GDPR-CARD-" + tag;
        String anonymousCard = "GDPR-ANON-" + tag;
        createAttribute(api, "nickname", "text", null);
        String newsletter = createSubscriptionType(api, "Newsletter", "OPT_IN");

        // created with an Idempotency-Key: the stored answer holds the email
        Api.Response created = api.send(api.request(PREFIX + "/contacts").header("Content-Type", "application/json")
                .header("Idempotency-Key", "create-" + tag)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"referral_code\":\"ref-" + tag + "\"}")));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String contact = created.data().get("uuid").asString();
        assertThat(setAttributes(api, contact, Map.of("firstname", firstname, "lastname", lastname, "nickname", nickname,
                "phonenumber", phone, "birthdate", "1977-03-14")).status()).isEqualTo(200);
        api.postJson(PREFIX + "/contact-identifiers", Map.of("contact_identifier_value", card, "contact_uuid", contact));
        api.putJson(PREFIX + "/contact-subscriptions/" + contact + "/subscribe", Map.of("subscription_type_uuid", newsletter));
        String token = api.get(PREFIX + "/contact-verification/auth-token/" + contact).data().asString();
        api.send(api.request(PREFIX + "/contact-verification/send").header("Content-Type", "application/json")
                .header("Idempotency-Key", "send-" + tag)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}")));
        // another feature's pending webhook event about the contact
        TestSql.update("INSERT INTO outbox_events (account_id, event_type, payload, created_at) VALUES (?::uuid, 'credit_reception.created', "
                + "?::jsonb, now())", account.uuid(), "{\"contact\":{\"uuid\":\"" + contact + "\",\"email\":\"" + email
                + "\",\"firstname\":\"" + firstname + "\"},\"credits\":10}");
        // a contact merged into it, and an anonymous one claimed into it: their data is the person's too
        String merged = createContact(api, mergedEmail);
        setAttributes(api, merged, Map.of("lastname", lastname));
        api.postJson(PREFIX + "/contacts/merge", Map.of("source_contact_uuid", merged, "destination_contact_uuid", contact));
        String anonymous = api.postJson(PREFIX + "/contacts/anonymous", Map.of("contact_identifier_value", anonymousCard))
                .data().get("uuid").asString();
        assertThat(api.putJson(PREFIX + "/contacts/" + anonymous + "/claim", Map.of("email", email)).data()
                .get("uuid").asString()).isEqualTo(contact);

        List<String> personal = List.of(email, mergedEmail, firstname, lastname, nickname, phone, card, anonymousCard,
                "ref-" + tag);
        assertThat(findEverywhere(personal)).as("the test data is there before").isNotEmpty();

        Api.Response erased = api.postJson(PREFIX + "/contacts/" + contact + "/delete", Map.of("type", "GDPR"));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.data().isNull()).isTrue();

        assertThat(findEverywhere(personal)).as("columns still holding personal data").isEmpty();
        assertThat(RecordingContactExtensions.CALLS).contains("erase " + contact, "erase " + merged, "erase " + anonymous);
        assertThat(api.get(PREFIX + "/contacts/" + contact).code()).isEqualTo(55031);
        assertThat(anonymous().as(token).get("/api/v3/contact/me").code()).isEqualTo(3000);
        assertThat(api.postJson(PREFIX + "/contacts/" + contact + "/delete", Map.of("type", "GDPR")).code()).isEqualTo(55031);
        assertThat(TestSql.count("SELECT count(*) FROM contacts WHERE id = ?::uuid AND erased_at IS NOT NULL", contact))
                .as("the row stays, without personal data, for the ledger").isEqualTo(1);
        assertThat(createContact(api, email)).as("the email can be used again").isNotEqualTo(contact);
        assertThat(api.send(api.request(PREFIX + "/contacts").header("Content-Type", "application/json")
                .header("Idempotency-Key", "create-" + tag)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"referral_code\":\"ref-" + tag + "\"}")))
                .header("Idempotent-Replayed")).as("a replay still answers, without running again").isEqualTo("true");
    }

    @Test
    void aContactDeletedBeforeCanStillBeErased() throws Exception {
        Api api = as(newAccount("GDPR after delete"));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "deleted." + tag + "@example.com";
        String contact = createContact(api, email);
        setAttributes(api, contact, Map.of("firstname", "Deleted" + tag));
        api.postJson(PREFIX + "/contacts/" + contact + "/delete", Map.of("type", "DEFAULT"));
        assertThat(findEverywhere(List.of(email, "Deleted" + tag))).as("DEFAULT keeps the data").isNotEmpty();
        assertThat(api.postJson(PREFIX + "/contacts/" + contact + "/delete", Map.of("type", "GDPR")).status()).isEqualTo(200);
        assertThat(findEverywhere(List.of(email, "Deleted" + tag))).isEmpty();
        assertThat(api.postJson(PREFIX + "/contacts/" + UUID.randomUUID() + "/delete", Map.of("type", "GDPR")).code()).isEqualTo(55031);
    }

    /** "table.column" for every text, json or bytea column of every table that holds one of the values (any case). */
    private static List<String> findEverywhere(List<String> values) throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection c = TestSql.connect()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("""
                    SELECT table_name, column_name, data_type FROM information_schema.columns
                    WHERE table_schema = 'public'
                      AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')
                    """)) {
                while (rs.next()) {
                    columns.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            assertThat(columns).extracting(col -> col[0]).contains("contacts", "contact_identifiers", "outbox_events",
                    "idempotency_keys");
            java.sql.Array needles = c.createArrayOf("text", values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toArray());
            for (String[] col : columns) {
                String text = col[2].equals("bytea") ? "encode(\"" + col[1] + "\", 'escape')" : "\"" + col[1] + "\"::text";
                try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT v FROM \"" + col[0] + "\", unnest(?::text[]) AS v "
                        + "WHERE strpos(lower(" + text + "), v) > 0")) {
                    s.setArray(1, needles);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            hits.add(col[0] + "." + col[1] + " holds " + rs.getString(1));
                        }
                    }
                }
            }
        }
        return hits;
    }
}
