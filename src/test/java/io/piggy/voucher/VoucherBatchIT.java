package io.piggy.voucher;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static io.piggy.voucher.VoucherFixtures.contact;
import static io.piggy.voucher.VoucherFixtures.promotion;
import static io.piggy.voucher.VoucherFixtures.singleUse;
import static org.assertj.core.api.Assertions.assertThat;

class VoucherBatchIT extends ApiIT {
    @Autowired
    JdbcClient db;

    static JsonNode awaitDone(Api api, String batch, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode b = api.get(PREFIX + "/vouchers/batches/" + batch).data();
            String status = b.get("status").asString();
            if (status.equals("COMPLETED") || status.equals("FAILED")) {
                return b;
            }
            assertThat(Instant.now()).as("batch " + batch + " still " + status).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void batchAnswersPendingAtOnceAndMakesExactlyQuantityDistinctCodes() throws Exception {
        TestAccount account = newAccount("Batch");
        Api api = as(account);
        String promotion = singleUse(api);
        String contact = contact(api, "batch@example.com");
        Api.Response created = api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", promotion,
                "quantity", 25_000, "contact_uuid", contact, "expiration_date", "2099-01-01T00:00:00+00:00",
                "custom_attributes", Map.of("campaign", "spring")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode job = created.data();
        assertThat(job.get("type").asString()).isEqualTo("vouchers");
        assertThat(job.get("quantity").asLong()).isEqualTo(25_000);
        assertThat(job.get("status").asString()).isEqualTo("PENDING");
        assertThat(job.get("created_at").asString()).endsWith("+00:00");

        String batch = job.get("uuid").asString();
        JsonNode done = awaitDone(api, batch, Duration.ofMinutes(2));
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("generated").asLong()).isEqualTo(25_000);
        assertThat(done.get("completed_at").isNull()).isFalse();

        UUID batchId = UUID.fromString(batch);
        assertThat(db.sql("SELECT count(*) FROM vouchers WHERE batch_id = :b").param("b", batchId)
                .query(Long.class).single()).isEqualTo(25_000);
        assertThat(db.sql("SELECT count(DISTINCT upper(code)) FROM vouchers WHERE batch_id = :b").param("b", batchId)
                .query(Long.class).single()).isEqualTo(25_000);
        assertThat(db.sql("SELECT count(*) FROM vouchers WHERE batch_id = :b AND code !~ '^[A-HJ-NP-Z2-9]{8}$'")
                .param("b", batchId).query(Long.class).single()).isZero();

        Api.Response listed = api.get(PREFIX + "/vouchers?promotion_uuid=" + promotion + "&contact_uuid=" + contact
                + "&limit=500");
        // filtered by contact the matches are counted up to 10,000: the total is then a lower bound, and
        // the next page is still announced; by promotion alone the total is exact
        assertThat(listed.json().get("meta").get("total").asLong()).isEqualTo(10_000);
        assertThat(listed.json().get("links").get("next").asString()).contains("page=2");
        assertThat(api.get(PREFIX + "/vouchers?promotion_uuid=" + promotion + "&limit=1").json().get("meta")
                .get("total").asLong()).isEqualTo(25_000);
        JsonNode beyond = api.get(PREFIX + "/vouchers?promotion_uuid=" + promotion + "&contact_uuid=" + contact
                + "&limit=500&page=30").json();
        assertThat(beyond.get("meta").get("total").asLong()).as("at least what the pages shown so far prove")
                .isEqualTo(15_001);
        assertThat(beyond.get("meta").get("last_page").asLong()).isEqualTo(31);
        JsonNode last = api.get(PREFIX + "/vouchers?promotion_uuid=" + promotion + "&contact_uuid=" + contact
                + "&limit=500&page=50").json();
        assertThat(last.get("data")).hasSize(500);
        assertThat(last.get("meta").get("total").asLong()).isEqualTo(25_000);
        assertThat(last.get("links").get("next").isNull()).isTrue();
        JsonNode first = listed.data().get(0);
        assertThat(first.get("attributes").get("campaign").asString()).isEqualTo("spring");
        assertThat(first.get("expiration_date").asString()).isEqualTo("2099-01-01T00:00:00+00:00");
        assertThat(api.get(PREFIX + "/vouchers/find?code=" + first.get("code").asString().toLowerCase())
                .data().get("uuid").asString()).isEqualTo(first.get("uuid").asString());

        // one voucher_created event per committed chunk
        assertThat(db.sql("""
                        SELECT sum((payload->>'count')::int) FROM outbox_events
                        WHERE account_id = :a AND event_type = 'voucher_created' AND payload->'batch'->>'uuid' = :b""")
                .param("a", UUID.fromString(account.uuid())).param("b", batch).query(Long.class).single())
                .isEqualTo(25_000);

        Api.Response batches = api.get(PREFIX + "/vouchers/batches");
        assertThat(batches.data()).hasSize(1);
        assertThat(batches.json().get("meta").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void codeOptionsAndTheSdkVariantOnPostVouchers() throws Exception {
        Api api = as(newAccount("Batch options"));
        String promotion = singleUse(api);
        // the PHP SDK's batch(): a form posted to /vouchers with quantity and no code
        Api.Response created = api.form("POST", PREFIX + "/vouchers", List.of(field("promotion_uuid", promotion),
                field("quantity", "300"), field("code_options[pattern]", "SPRING-####-##"),
                field("code_options[charset]", "abcdefgh")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String batch = created.data().get("uuid").asString();
        assertThat(awaitDone(api, batch, Duration.ofMinutes(1)).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(db.sql("SELECT count(*) FROM vouchers WHERE batch_id = :b AND code ~ '^SPRING-[a-h]{4}-[a-h]{2}$'")
                .param("b", UUID.fromString(batch)).query(Long.class).single()).isEqualTo(300);
    }

    @Test
    void smallBatchOvertakesALargeOne() throws Exception {
        Api api = as(newAccount("Batch fairness"));
        String promotion = singleUse(api);
        String large = api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", promotion, "quantity", 100_000))
                .data().get("uuid").asString();
        String small = api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", promotion, "quantity", 10))
                .data().get("uuid").asString();
        JsonNode smallDone = awaitDone(api, small, Duration.ofMinutes(1));
        assertThat(smallDone.get("status").asString()).isEqualTo("COMPLETED");
        JsonNode largeNow = api.get(PREFIX + "/vouchers/batches/" + large).data();
        assertThat(largeNow.get("generated").asLong()).as("the small batch did not wait for the large one")
                .isLessThan(100_000);
        assertThat(awaitDone(api, large, Duration.ofMinutes(3)).get("generated").asLong()).isEqualTo(100_000);
    }

    @Test
    void aBatchThatFindsNoFreeCodesFailsAndGivesItsVouchersBack() throws Exception {
        Api api = as(newAccount("Batch failure"));
        String promotion = promotion(api, Map.of("voucher_limit", 5));
        // explicit codes are not counted in the code space: they take 3 of the 4 codes of 2 characters from AB
        for (String code : new String[]{"AA", "AB", "BA"}) {
            VoucherFixtures.voucher(api, promotion, code);
        }
        Api.Response created = api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", promotion,
                "quantity", 2, "code_options", Map.of("length", 2, "charset", "AB")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode failed = awaitDone(api, created.data().get("uuid").asString(), Duration.ofMinutes(1));
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").asString()).contains("no free codes");
        assertThat(failed.get("generated").asLong()).as("the chunk rolled back whole").isZero();
        assertThat(VoucherFixtures.voucher(api, promotion, Map.of("code", "OTHER")).status())
                .as("the failed batch gave its 2 vouchers back to the limit of 5").isEqualTo(200);
    }

    @Test
    void errors() {
        Api api = as(newAccount("Batch errors"));
        String promotion = promotion(api, Map.of("voucher_limit", 100));
        Api.Response limit = api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", promotion, "quantity", 101));
        assertThat(limit.status()).isEqualTo(409);
        assertThat(limit.code()).isEqualTo(80008);
        assertThat(api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", "0190d6b2-0000-7000-8000-000000000000",
                "quantity", 1)).code()).isEqualTo(80002);
        assertThat(api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", promotion, "quantity", 1,
                "contact_uuid", "0190d6b2-0000-7000-8000-000000000000")).code()).isEqualTo(55031);
        assertThat(api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", promotion)).code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", promotion, "quantity", 0)).code())
                .isEqualTo(1003);
        String open = singleUse(api);
        assertThat(api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", open, "quantity", 5_000_001))
                .json().get("errors").has("quantity")).isTrue();
        // 4 characters from 2: 16 codes; a batch may take at most half of the free ones
        Map<String, Object> tiny = Map.of("length", 4, "charset", "AB");
        assertThat(api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", open, "quantity", 9,
                "code_options", tiny)).json().get("errors").has("quantity")).isTrue();
        assertThat(api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", open, "quantity", 8,
                "code_options", tiny)).status()).isEqualTo(201);
        assertThat(api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", open, "quantity", 5,
                "code_options", tiny)).code()).as("8 left free, 4 at most").isEqualTo(1003);
        Api.Response unknown = api.get(PREFIX + "/vouchers/batches/0190d6b2-0000-7000-8000-000000000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(60013);
        assertThat(api.get(PREFIX + "/vouchers/batches?limit=101").code()).isEqualTo(1003);
    }
}
