package io.piggy.contact;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.piggy.contact.ContactCalls.createAttribute;
import static io.piggy.contact.ContactCalls.createContact;
import static io.piggy.contact.ContactCalls.setAttributes;
import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GDPR erasure redacts the erased contact's events, and only those: another contact's event
 * that holds a text containing an erased value ("female" contains "male") is left as it was.
 */
class GdprEventRedactionIT extends ApiIT {

    @Test
    void onlyTheErasedContactsEventsAreRedacted() throws Exception {
        TestAccount account = newAccount("GDPR events");
        Api api = as(account);
        assertThat(createAttribute(api, "gender", "text", null).status()).isEqualTo(200);
        String erased = createContact(api, "erase.gender@example.com");
        String kept = createContact(api, "keep.gender@example.com");
        assertThat(setAttributes(api, erased, Map.of("gender", "male")).status()).isEqualTo(200);
        assertThat(setAttributes(api, kept, Map.of("gender", "female")).status()).isEqualTo(200);
        // rows written without a contact_id (before the column existed, or by hand): each names its contact
        TestSql.update("INSERT INTO outbox_events (account_id, event_type, payload, created_at) VALUES (?::uuid, "
                + "'legacy', ?::jsonb, now())", account.uuid(), "{\"contact\":{\"uuid\":\"" + erased + "\",\"gender\":\"male\"}}");
        TestSql.update("INSERT INTO outbox_events (account_id, event_type, payload, created_at) VALUES (?::uuid, "
                + "'legacy', ?::jsonb, now())", account.uuid(), "{\"contact\":{\"uuid\":\"" + kept + "\",\"gender\":\"female\"}}");
        long keptFemale = count(account, "female");
        assertThat(keptFemale).as("the other contact's events before").isPositive();

        assertThat(api.postJson(PREFIX + "/contacts/" + erased + "/delete", Map.of("type", "GDPR")).status()).isEqualTo(200);

        assertThat(count(account, "female")).as("the other contact's events keep \"female\"").isEqualTo(keptFemale);
        assertThat(TestSql.count("SELECT count(*) FROM outbox_events WHERE account_id = ?::uuid "
                + "AND payload::text LIKE '%\"male\"%'", account.uuid())).as("the erased contact's \"male\" is gone").isZero();
        assertThat(TestSql.count("SELECT count(*) FROM outbox_events WHERE account_id = ?::uuid "
                + "AND payload::text LIKE '%erase.gender%'", account.uuid())).isZero();
        assertThat(TestSql.count("SELECT count(*) FROM outbox_events WHERE account_id = ?::uuid "
                + "AND payload::text LIKE '%keep.gender@example.com%'", account.uuid())).as("the other contact's email stays")
                .isPositive();
        assertThat(api.get(PREFIX + "/contacts/" + kept).data().get("current_values").get("gender").asString()).isEqualTo("female");
    }

    @Test
    void onlyTheErasedContactsStoredAnswersAreRedacted() throws Exception {
        TestAccount account = newAccount("GDPR answers");
        Api api = as(account);
        assertThat(createAttribute(api, "gender", "text", null).status()).isEqualTo(200);
        String erased = createContact(api, "erase.answer@example.com");
        String kept = createContact(api, "keep.answer@example.com");
        assertThat(setAttributes(api, erased, Map.of("gender", "male")).status()).isEqualTo(200);
        assertThat(identifier(api, "answer-erased", "ERASED-CARD-1", erased).status()).isEqualTo(200);
        assertThat(identifier(api, "answer-kept", "FEMALE-CARD-1", kept).status()).as("\"female-…\" contains \"male\"")
                .isEqualTo(200);

        assertThat(api.postJson(PREFIX + "/contacts/" + erased + "/delete", Map.of("type", "GDPR")).status()).isEqualTo(200);

        assertThat(answer(account, "answer-kept")).as("the other contact's answer is left alone")
                .contains("FEMALE-CARD-1").contains("keep.answer@example.com");
        assertThat(answer(account, "answer-erased")).doesNotContain("ERASED-CARD-1").doesNotContain("erase.answer");
        assertThat(identifier(api, "answer-kept", "FEMALE-CARD-1", kept).header("Idempotent-Replayed")).isEqualTo("true");
    }

    private static Api.Response identifier(Api api, String key, String value, String contact) {
        return api.send(api.request(PREFIX + "/contact-identifiers").header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"contact_identifier_value\":\"" + value
                        + "\",\"contact_uuid\":\"" + contact + "\"}")));
    }

    private static String answer(TestAccount account, String key) throws Exception {
        try (var c = TestSql.connect(); var s = c.prepareStatement(
                "SELECT convert_from(body, 'UTF8') FROM idempotency_keys WHERE account_id = ?::uuid AND key = ?")) {
            s.setString(1, account.uuid());
            s.setString(2, key);
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).as("answer " + key + " stored").isTrue();
                return rs.getString(1);
            }
        }
    }

    private static long count(TestAccount account, String value) throws Exception {
        return TestSql.count("SELECT count(*) FROM outbox_events WHERE account_id = ?::uuid AND payload::text LIKE ?",
                account.uuid(), "%\"" + value + "\"%");
    }
}
