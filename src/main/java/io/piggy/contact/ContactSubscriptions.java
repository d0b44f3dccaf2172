package io.piggy.contact;

import io.piggy.account.AccountId;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Each contact's explicit choice per subscription type (no row: the type's default). */
@Repository
class ContactSubscriptions {
    static final String SUBSCRIBED = "SUBSCRIBED";
    static final String UNSUBSCRIBED = "UNSUBSCRIBED";
    static final String PENDING = "PENDING_CONFIRMATION";
    private final JdbcClient db;
    private final Clock clock;

    ContactSubscriptions(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The contact's explicit choices: subscription type → status. */
    Map<UUID, String> statuses(AccountId account, UUID contact) {
        Map<UUID, String> result = new HashMap<>();
        db.sql("""
                        SELECT subscription_type_id, status FROM contact_subscriptions
                        WHERE account_id = :account AND contact_id = :contact""")
                .param("account", account.value()).param("contact", contact)
                .query((RowCallbackHandler) rs -> result.put(rs.getObject(1, UUID.class), rs.getString(2)));
        return result;
    }

    /**
     * Records a choice and answers the status it leads to. Asking for a confirmation keeps a
     * contact that is subscribed already subscribed.
     */
    String set(AccountId account, UUID contact, UUID type, String status) {
        return db.sql("""
                        INSERT INTO contact_subscriptions (account_id, contact_id, subscription_type_id, status, updated_at)
                        VALUES (:account, :contact, :type, :status, :now)
                        ON CONFLICT (account_id, contact_id, subscription_type_id) DO UPDATE
                        SET status = CASE WHEN contact_subscriptions.status = 'SUBSCRIBED' AND EXCLUDED.status = 'PENDING_CONFIRMATION'
                                          THEN 'SUBSCRIBED' ELSE EXCLUDED.status END,
                            updated_at = EXCLUDED.updated_at
                        RETURNING status""")
                .param("account", account.value()).param("contact", contact).param("type", type).param("status", status)
                .param("now", Timestamp.from(clock.instant())).query(String.class).single();
    }

    /** Records a choice only where the contact has made none for the type; answers the status it has afterwards. */
    String setUnlessChosen(AccountId account, UUID contact, UUID type, String status) {
        // the no-op update locks and returns an existing row, which DO NOTHING would not return
        return db.sql("""
                        INSERT INTO contact_subscriptions (account_id, contact_id, subscription_type_id, status, updated_at)
                        VALUES (:account, :contact, :type, :status, :now)
                        ON CONFLICT (account_id, contact_id, subscription_type_id) DO UPDATE
                        SET status = contact_subscriptions.status
                        RETURNING status""")
                .param("account", account.value()).param("contact", contact).param("type", type).param("status", status)
                .param("now", Timestamp.from(clock.instant())).query(String.class).single();
    }

    /** A double opt-in confirmed: pending becomes subscribed. */
    boolean confirm(AccountId account, UUID contact, UUID type) {
        return db.sql("""
                        UPDATE contact_subscriptions SET status = 'SUBSCRIBED', updated_at = :now
                        WHERE account_id = :account AND contact_id = :contact AND subscription_type_id = :type
                          AND status = 'PENDING_CONFIRMATION'""")
                .param("now", Timestamp.from(clock.instant())).param("account", account.value())
                .param("contact", contact).param("type", type).update() == 1;
    }

    /** Merge: the source's choices move to the destination where it has made none itself. */
    void moveAll(AccountId account, UUID source, UUID destination) {
        db.sql("""
                        INSERT INTO contact_subscriptions (account_id, contact_id, subscription_type_id, status, updated_at)
                        SELECT account_id, :destination, subscription_type_id, status, updated_at FROM contact_subscriptions
                        WHERE account_id = :account AND contact_id = :source
                        ON CONFLICT (account_id, contact_id, subscription_type_id) DO NOTHING""")
                .param("destination", destination).param("account", account.value()).param("source", source).update();
        deleteAll(account, List.of(source));
    }

    void deleteAll(AccountId account, Collection<UUID> contacts) {
        db.sql("DELETE FROM contact_subscriptions WHERE account_id = :account AND contact_id IN (:contacts)")
                .param("account", account.value()).param("contacts", contacts).update();
    }
}
