package io.piggy.loyalty;

import io.piggy.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Migrations that fill new tables from what a database holds already. */
class LoyaltyMigrationsIT {
    private static final String BEFORE_STATES = "20261126010000";
    private static final String BEFORE_REWARD_ATTRIBUTES = "20261126011000";

    @Test
    void existingRewardReceptionsGetTheirState() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(TestDatabase.newDatabase());
        Flyway.configure().dataSource(dataSource).target(BEFORE_STATES).load().migrate();
        JdbcClient db = JdbcClient.create(dataSource);
        UUID account = UUID.randomUUID();
        UUID physical = UUID.randomUUID();
        UUID digital = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID reversed = UUID.randomUUID();
        UUID reversal = UUID.randomUUID();
        Timestamp then = Timestamp.from(Instant.parse("2026-11-01T10:00:00Z"));
        Timestamp later = Timestamp.from(Instant.parse("2026-11-02T10:00:00Z"));
        db.sql("INSERT INTO accounts (id, name, created_at) VALUES (:a, 'Old', :t)").param("a", account).param("t", then).update();
        for (Map.Entry<UUID, String> reward : Map.of(physical, "PHYSICAL", digital, "DIGITAL").entrySet()) {
            db.sql("""
                            INSERT INTO rewards (account_id, id, title, required_credits, reward_type, active, created_at, updated_at)
                            VALUES (:a, :id, 'R', 1, :type, true, :t, :t)""")
                    .param("a", account).param("id", reward.getKey()).param("type", reward.getValue()).param("t", then)
                    .update();
        }
        String ledger = """
                INSERT INTO loyalty_transactions (account_id, id, type, contact_id, shop_id, credits, reward_id, reverses_id,
                                                  channel, created_at)
                VALUES (:a, :id, :type, :contact, :shop, :credits, :reward, :reverses, 'OAUTH_API', :t)""";
        UUID contact = UUID.randomUUID();
        UUID shop = UUID.randomUUID();
        insert(db, ledger, account, kept, "reward_reception", contact, shop, -1, physical, null, then);
        insert(db, ledger, account, reversed, "reward_reception", contact, shop, -1, digital, null, then);
        insert(db, ledger, account, reversal, "credit_reception", contact, shop, 1, digital, reversed, later);
        insert(db, ledger, account, UUID.randomUUID(), "credit_reception", contact, shop, 5, null, null, then);

        Flyway.configure().dataSource(dataSource).load().migrate();

        List<Map<String, Object>> states = db.sql("""
                        SELECT transaction_id, reward_type, expires_at, collected_at, reversed_at
                        FROM reward_reception_states ORDER BY reward_type DESC""").query().listOfRows();
        assertThat(states).hasSize(2);
        assertThat(states.get(0)).containsEntry("transaction_id", kept).containsEntry("reward_type", "PHYSICAL")
                .containsEntry("expires_at", null).containsEntry("collected_at", null).containsEntry("reversed_at", null);
        assertThat(states.get(1)).containsEntry("transaction_id", reversed).containsEntry("reward_type", "DIGITAL")
                .containsEntry("collected_at", null);
        assertThat(((Timestamp) states.get(1).get("reversed_at")).toInstant()).isEqualTo(later.toInstant());
    }

    @Test
    void namesRewardsUsedBecomeTextAttributes() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(TestDatabase.newDatabase());
        Flyway.configure().dataSource(dataSource).target(BEFORE_REWARD_ATTRIBUTES).load().migrate();
        JdbcClient db = JdbcClient.create(dataSource);
        UUID account = UUID.randomUUID();
        Timestamp then = Timestamp.from(Instant.parse("2026-11-01T10:00:00Z"));
        db.sql("INSERT INTO accounts (id, name, created_at) VALUES (:a, 'Old', :t)").param("a", account).param("t", then).update();
        for (String attributes : List.of("{\"plu\": \"C-1\", \"size\": 3}", "{\"plu\": \"C-2\"}", "{}")) {
            db.sql("""
                            INSERT INTO rewards (account_id, id, title, required_credits, reward_type, active, attributes,
                                                 created_at, updated_at)
                            VALUES (:a, :id, 'R', 1, 'PHYSICAL', true, CAST(:attributes AS jsonb), :t, :t)""")
                    .param("a", account).param("id", UUID.randomUUID()).param("attributes", attributes).param("t", then)
                    .update();
        }

        Flyway.configure().dataSource(dataSource).load().migrate();

        assertThat(db.sql("SELECT name || ':' || type || ':' || label FROM reward_attributes WHERE account_id = :a ORDER BY name")
                .param("a", account).query(String.class).list()).containsExactly("plu:text:plu", "size:text:size");
    }

    private static void insert(JdbcClient db, String sql, UUID account, UUID id, String type, UUID contact, UUID shop,
                               long credits, UUID reward, UUID reverses, Timestamp at) {
        db.sql(sql).param("a", account).param("id", id).param("type", type).param("contact", contact).param("shop", shop)
                .param("credits", credits).param("reward", reward).param("reverses", reverses).param("t", at).update();
    }
}
