package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.db.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscription types of an account (newsletters and the like). */
@Repository
class SubscriptionTypes {
    private static final String COLUMNS = "id, display_id, name, description, active, strategy";
    private final JdbcClient db;
    private final Clock clock;

    SubscriptionTypes(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    enum Strategy {
        OPT_IN, OPT_OUT, DOUBLE_OPT_IN;

        /** A contact who never chose has the type's default. */
        String defaultStatus() {
            return this == OPT_OUT ? ContactSubscriptions.SUBSCRIBED : ContactSubscriptions.UNSUBSCRIBED;
        }
    }

    record SubscriptionType(UUID id, long displayId, String name, String description, boolean active, Strategy strategy) {
    }

    List<SubscriptionType> all(AccountId account) {
        return db.sql("SELECT " + COLUMNS + " FROM subscription_types WHERE account_id = :account ORDER BY id")
                .param("account", account.value()).query(this::map).list();
    }

    Optional<SubscriptionType> find(AccountId account, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM subscription_types WHERE account_id = :account AND id = :id")
                .param("account", account.value()).param("id", id).query(this::map).optional();
    }

    SubscriptionType insert(AccountId account, String name, String description, boolean active, Strategy strategy) {
        return db.sql("INSERT INTO subscription_types (account_id, id, name, description, active, strategy, created_at) "
                        + "VALUES (:account, :id, :name, :description, :active, :strategy, :now) RETURNING " + COLUMNS)
                .param("account", account.value()).param("id", Ids.next(clock)).param("name", name)
                .param("description", description).param("active", active).param("strategy", strategy.name())
                .param("now", Timestamp.from(clock.instant())).query(this::map).single();
    }

    private SubscriptionType map(ResultSet rs, int row) throws SQLException {
        return new SubscriptionType(rs.getObject("id", UUID.class), rs.getLong("display_id"), rs.getString("name"),
                rs.getString("description"), rs.getBoolean("active"), Strategy.valueOf(rs.getString("strategy")));
    }
}
