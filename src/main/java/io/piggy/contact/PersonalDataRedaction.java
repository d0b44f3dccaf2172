package io.piggy.contact;

import io.piggy.account.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A GDPR erasure also reaches the copies of a contact's data in the shared tables: answers kept
 * for Idempotency-Key replays and events in the outbox. In an event that concerns an erased
 * contact (its {@code contact_id}, or for rows written without one a payload that names the
 * contact's uuid), every text that contains one of the erased values becomes null; other
 * contacts' events are left alone, even when they hold the same words. A stored answer has no
 * contact column, so it counts as the erased contact's when it names one: its uuid, email,
 * referral code or an identifier; in such answers, too, every text containing an erased value
 * becomes null. The rows stay, so a replay still answers without running the request again and an
 * event is still delivered.
 */
@Component
class PersonalDataRedaction {
    /** Shorter values (initials, house numbers) would blank unrelated texts. */
    static final int MIN_LENGTH = 3;
    private static final String EMPTY_ANSWER = "{\"data\":null,\"meta\":{}}";
    /** Whether the text (first argument) contains one of the lowercase texts of a JSON array parameter (second). */
    private static final String CONTAINS_ANY = """
             EXISTS (SELECT 1 FROM jsonb_array_elements_text(CAST(:%2$s AS jsonb)) AS n(v)
                     WHERE strpos(lower(%1$s), n.v) > 0)""";
    /** The events about one of :contacts; rows written without a contact_id count when they name its uuid. */
    private static final String CONCERNING_CONTACTS = """
            SELECT id, payload::text FROM outbox_events
            WHERE account_id = :account
              AND (contact_id IN (SELECT CAST(c.id AS uuid) FROM jsonb_array_elements_text(CAST(:contacts AS jsonb)) AS c(id))
                   OR contact_id IS NULL AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(CAST(:contacts AS jsonb)) AS c(id)
                                                      WHERE strpos(payload::text, c.id) > 0))""";
    private final JdbcClient db;
    private final JsonMapper json;

    PersonalDataRedaction(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The texts that name a contact: its email and referral code (its identifiers are the others). */
    static List<String> identifyingOf(Contacts.Contact contact) {
        List<String> values = new ArrayList<>();
        values.add(contact.email());
        values.add(contact.referralCode());
        return values;
    }

    /** The personal texts of a contact: its email, referral code and attribute values. */
    static List<String> valuesOf(Contacts.Contact contact) {
        List<String> values = new ArrayList<>();
        values.add(contact.email());
        values.add(contact.referralCode());
        contact.attributes().values().forEach(v -> collect(v, values));
        return values;
    }

    private static void collect(Object value, List<String> into) {
        if (value instanceof String s) {
            into.add(s);
        } else if (value instanceof Collection<?> c) {
            c.forEach(v -> collect(v, into));
        } else if (value instanceof Map<?, ?> m) {
            m.values().forEach(v -> collect(v, into));
        }
    }

    /**
     * @param contacts    the erased contacts (the contact and the ones merged into it)
     * @param identifying the texts that name them (emails, referral codes, identifiers): a stored
     *                    answer holding one of these, or one of their uuids, is about them
     * @param values      all their personal texts, the identifying ones included
     */
    void redact(AccountId account, Collection<UUID> contacts, Collection<String> identifying, Collection<String> values) {
        List<String> needles = needles(values);
        if (needles.isEmpty()) {
            return;
        }
        List<String> markers = new ArrayList<>(needles(identifying));
        contacts.forEach(c -> markers.add(c.toString()));
        String needlesJson = json.writeValueAsString(needles);
        record Row(long id, String text) {
        }
        db.sql(CONCERNING_CONTACTS + " AND " + CONTAINS_ANY.formatted("payload::text", "needles"))
                .param("account", account.value()).param("needles", needlesJson)
                .param("contacts", json.writeValueAsString(contacts))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2))).list()
                .forEach(row -> db.sql("UPDATE outbox_events SET payload = CAST(:payload AS jsonb) WHERE id = :id")
                        .param("payload", redacted(row.text(), needles)).param("id", row.id()).update());
        record Answer(String key, String body) {
        }
        // answers name no contact in a column: one that names an erased contact is about it
        db.sql("SELECT key, convert_from(body, 'UTF8') FROM idempotency_keys WHERE account_id = :account "
                        + "AND body IS NOT NULL AND " + CONTAINS_ANY.formatted("convert_from(body, 'UTF8')", "markers"))
                .param("account", account.value()).param("markers", json.writeValueAsString(markers))
                .query((rs, n) -> new Answer(rs.getString(1), rs.getString(2))).list()
                .forEach(answer -> db.sql("UPDATE idempotency_keys SET body = :body WHERE account_id = :account AND key = :key")
                        .param("body", redacted(answer.body(), needles).getBytes(StandardCharsets.UTF_8))
                        .param("account", account.value()).param("key", answer.key()).update());
    }

    private static List<String> needles(Collection<String> values) {
        return values.stream().filter(v -> v != null && v.trim().length() >= MIN_LENGTH)
                .map(v -> v.trim().toLowerCase(Locale.ROOT)).distinct().toList();
    }

    private String redacted(String text, List<String> needles) {
        try {
            return json.writeValueAsString(redact(json.readTree(text), needles));
        } catch (JacksonException notJson) {
            return EMPTY_ANSWER;
        }
    }

    static JsonNode redact(JsonNode node, List<String> needles) {
        if (node.isString()) {
            String text = node.asString().toLowerCase(Locale.ROOT);
            return needles.stream().anyMatch(text::contains) ? NullNode.getInstance() : node;
        }
        if (node instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                object.set(name, redact(object.get(name), needles));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redact(array.get(i), needles));
            }
        }
        return node;
    }
}
