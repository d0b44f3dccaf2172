package io.piggy.voucher;

import io.piggy.support.Api;
import io.piggy.support.TestApps;
import io.piggy.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/** Two Piggy instances on one database share a batch's chunks, and no chunk is made twice. */
class VoucherBatchInstancesIT {
    private static final String TOKEN = "instances-token";

    private static ConfigurableApplicationContext start(String database) throws Exception {
        return TestApps.start(Map.of(
                "server.port", "0",
                "piggy.database.url", database,
                "piggy.data-dir", Files.createTempDirectory("piggy-instances").toString(),
                "piggy.bootstrap-token", TOKEN,
                "piggy.vouchers.batch.chunk-size", "1000",
                "piggy.vouchers.batch.poll-interval", "100ms"));
    }

    @Test
    void twoInstancesShareTheWork() throws Exception {
        String database = TestDatabase.newDatabase();
        try (ConfigurableApplicationContext one = start(database); ConfigurableApplicationContext two = start(database)) {
            Api api = TestApps.api(one, TOKEN);
            String promotion = VoucherFixtures.singleUse(api);
            int quantity = 100_000;
            String batch = api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", promotion,
                    "quantity", quantity)).data().get("uuid").asString();
            var done = VoucherBatchIT.awaitDone(TestApps.api(two, TOKEN), batch, Duration.ofMinutes(3));
            assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(done.get("generated").asLong()).isEqualTo(quantity);

            JdbcClient db = one.getBean(JdbcClient.class);
            UUID id = UUID.fromString(batch);
            assertThat(db.sql("SELECT count(*) FROM vouchers WHERE batch_id = :b").param("b", id)
                    .query(Long.class).single()).as("no chunk made twice, none lost").isEqualTo(quantity);
            assertThat(db.sql("SELECT count(DISTINCT processed_by) FROM voucher_batch_chunks WHERE batch_id = :b")
                    .param("b", id).query(Long.class).single()).as("both instances took chunks").isEqualTo(2);
            assertThat(db.sql("SELECT count(*) FROM voucher_batch_chunks WHERE batch_id = :b AND done_at IS NULL")
                    .param("b", id).query(Long.class).single()).isZero();
        }
    }
}
