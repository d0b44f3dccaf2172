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

    private static long count(TestAccount account, String value) throws Exception {
        return TestSql.count("SELECT count(*) FROM outbox_events WHERE account_id = ?::uuid AND payload::text LIKE ?",
                account.uuid(), "%\"" + value + "\"%");
    }
}
