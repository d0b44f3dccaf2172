package io.piggy.shared.db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * Records an event in the caller's transaction, for webhooks to deliver later: the event exists
 * exactly when the change it describes was committed.
 */
@Component
public class Outbox {
    private final JdbcClient db;
    private final JsonMapper json;
    private final Clock clock;

    Outbox(JdbcClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID account, String eventType, Object payload) {
        db.sql("""
                        INSERT INTO outbox_events (account_id, event_type, payload, created_at)
                        VALUES (:account, :type, CAST(:payload AS jsonb), :now)""")
                .param("account", account).param("type", eventType)
                .param("payload", json.writeValueAsString(payload))
                .param("now", Timestamp.from(clock.instant())).update();
    }
}
