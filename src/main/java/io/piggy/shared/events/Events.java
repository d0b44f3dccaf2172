package io.piggy.shared.events;

import io.piggy.shared.db.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Records what happened as a row of the outbox, in the caller's transaction: the event exists
 * exactly when the change it describes was committed. One INSERT, nothing read.
 * <p>
 * The row keeps the webhook body's {@code data} in {@code payload} and its {@code type} in
 * {@code event_type}; {@link #body} puts them together as Piggy sends them,
 * {@code {"type": "<event_type>", "data": {...}}}. {@code contact_id} names the contact an event
 * concerns, so a GDPR erasure finds exactly that contact's events.
 */
@Component
public class Events {
    private final JdbcClient db;
    private final JsonMapper json;
    private final Clock clock;

    Events(JdbcClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /** An event that concerns no contact. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID record(UUID account, EventType type, Object data) {
        return record(account, type, null, data);
    }

    /**
     * @param contact the contact the event is about (or whose data it carries), null for none
     * @param data    the webhook's {@code data}: the resource as the API answers it
     * @return the event's uuid
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID record(UUID account, EventType type, UUID contact, Object data) {
        return record(account, type, contact, data, null);
    }

    /**
     * @param changed the attributes the change touched (a {@code contact_updated} subscription fires
     *                only for the attributes it names); null when unknown, which counts as all
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID record(UUID account, EventType type, UUID contact, Object data, Collection<String> changed) {
        Instant now = clock.instant();
        UUID uuid = Ids.next(clock);
        db.sql("""
                        INSERT INTO outbox_events (account_id, uuid, event_type, contact_id, payload, created_at, changed_attributes)
                        VALUES (:account, :uuid, :type, :contact, CAST(:payload AS jsonb), :now, :changed)""")
                .param("account", account).param("uuid", uuid).param("type", type.wireName())
                .param("contact", contact).param("payload", json.writeValueAsString(data))
                .param("now", Timestamp.from(now))
                .param("changed", changed == null ? null : changed.toArray(String[]::new)).update();
        return uuid;
    }

    /**
     * The outbox insert as the last part of another feature's statement, for a write that must stay
     * ONE statement: the credits ledger's, whose balance row is locked only while its statement runs
     * (a transaction around it and a second INSERT kept the lock two round trips longer, and cut
     * receptions on one contact by 40 %). The event is written exactly when {@code fromCte} yields a
     * row. Parameters: {@code :account} and {@code :now} (the statement's own), {@code :eventUuid},
     * {@code :eventType} ({@link EventType#wireName()}), {@code :eventContact}; {@code payloadSql} is
     * the jsonb the event carries, built in the statement. LoyaltyTransactions is its one user
     * (EventsIT checks the event it writes against the API's answer).
     */
    public static String insertAfter(String fromCte, String payloadSql) {
        return """
                , event AS (
                    INSERT INTO outbox_events (account_id, uuid, event_type, contact_id, payload, created_at)
                    SELECT :account, :eventUuid, CAST(:eventType AS text), :eventContact, %s, CAST(:now AS timestamptz)
                    FROM %s
                )
                """.formatted(payloadSql, fromCte);
    }

    /** The body a webhook carries for an event of this type whose stored payload is {@code data}. */
    public static Map<String, Object> body(String eventType, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", eventType);
        body.put("data", data);
        return body;
    }
}
