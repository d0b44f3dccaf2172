package io.piggy.voucher;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import io.piggy.support.Concurrently;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.voucher.VoucherFixtures.contact;
import static io.piggy.voucher.VoucherFixtures.multiUse;
import static io.piggy.voucher.VoucherFixtures.redeem;
import static io.piggy.voucher.VoucherFixtures.shop;
import static io.piggy.voucher.VoucherFixtures.singleUse;
import static io.piggy.voucher.VoucherFixtures.voucher;
import static org.assertj.core.api.Assertions.assertThat;

/** A promotion switched off with PUT /promotions/{uuid} status INACTIVE: 80020, and what still works. */
class PromotionSwitchOffIT extends ApiIT {
    @Autowired
    JdbcClient db;
    @Autowired
    PlatformTransactionManager transactionManager;

    private static Api.Response switchTo(Api api, String promotion, String status) {
        Api.Response r = api.putJson(PREFIX + "/promotions/" + promotion, Map.of("status", status));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    private static void assertInactive(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.code()).isEqualTo(80020);
    }

    @Test
    void aSwitchedOffPromotionRefusesEveryUseOfItsVouchers() {
        TestAccount account = newAccount("Switch off");
        Api api = as(account);
        String promotion = multiUse(api, 5);
        String contact = contact(api, "off@example.com");
        String shop = shop(api);
        String free = voucher(api, promotion, "OFF-1");
        String locked = voucher(api, promotion, "OFF-2");
        voucher(api, promotion, "OFF-3");
        String releaseKey = api.postJson(PREFIX + "/vouchers/" + locked + "/lock", Map.of()).data().get("lock")
                .get("release_key").asString();
        Api.Response used = redeem(api, "OFF-3", contact);
        assertThat(used.status()).as(used.toString()).isEqualTo(200);

        assertThat(switchTo(api, promotion, "INACTIVE").data().get("status").asString()).isEqualTo("INACTIVE");

        assertInactive(redeem(api, "OFF-1", contact));
        assertInactive(api.postJson(PREFIX + "/vouchers/redeem", Map.of("code", "OFF-2", "contact_uuid", contact,
                "release_key", releaseKey)));
        assertInactive(api.postJson(PREFIX + "/vouchers/multi-redeem", Map.of("code", "OFF-1", "contact_uuid", contact,
                "shop_uuid", shop, "number_of_times", 2)));
        assertInactive(api.postJson(PREFIX + "/vouchers/" + free + "/lock", Map.of()));
        assertInactive(api.postJson(PREFIX + "/vouchers/" + free + "/validate", Map.of("shop_uuid", shop,
                "contact_uuid", contact)));
        assertInactive(voucher(api, promotion, Map.of("code", "OFF-NEW")));
        assertInactive(voucher(api, promotion, Map.of()));
        assertInactive(voucher(api, promotion, Map.of("quantity", 10))); // the PHP SDK's batch()
        assertInactive(api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", promotion, "quantity", 10)));
        assertThat(db.sql("SELECT count(*) FROM voucher_batches WHERE account_id = :a")
                .param("a", UUID.fromString(account.uuid())).query(Long.class).single()).isZero();

        // reading, releasing a lock and reversing a redemption still work
        Api.Response found = api.get(PREFIX + "/vouchers/find?code=OFF-1");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.data().get("promotion").get("status").asString()).isEqualTo("INACTIVE");
        assertThat(api.get(PREFIX + "/vouchers/" + free).data().get("promotion").get("status").asString())
                .isEqualTo("INACTIVE");
        assertThat(api.postJson(PREFIX + "/vouchers/" + locked + "/release", Map.of("release_key", releaseKey))
                .data().get("voucher").get("status").asString()).isEqualTo("ACTIVE");
        Api.Response reversed = api.postJson(PREFIX + "/vouchers/" + used.data().get("uuid").asString() + "/reverse", Map.of());
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
        assertThat(api.get(PREFIX + "/vouchers?promotion_uuid=" + promotion).json().get("meta").get("total").asInt())
                .isEqualTo(3);

        switchTo(api, promotion, "ACTIVE");
        assertThat(redeem(api, "OFF-1", contact).status()).isEqualTo(200);
        assertThat(voucher(api, promotion, Map.of("code", "OFF-NEW")).status()).isEqualTo(200);
        assertThat(api.postJson(PREFIX + "/vouchers/" + free + "/lock", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void aBatchAlreadyRunningWhenItsPromotionIsSwitchedOffFinishes() throws Exception {
        TestAccount account = newAccount("Switch off batch");
        Api api = as(account);
        String promotion = singleUse(api);
        Api.Response started = api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", promotion,
                "quantity", 30_000));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String batch = started.data().get("uuid").asString();

        // hold the chunks no worker has claimed yet, so that they are made after the switch-off
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        tx.executeWithoutResult(status -> {
            List<Integer> held = db.sql("""
                            SELECT chunk_no FROM voucher_batch_chunks
                            WHERE account_id = :a AND batch_id = :b AND done_at IS NULL FOR UPDATE SKIP LOCKED""")
                    .param("a", UUID.fromString(account.uuid())).param("b", UUID.fromString(batch))
                    .query(Integer.class).list();
            assertThat(held).as("chunks still to do when the promotion is switched off").isNotEmpty();
            switchTo(api, promotion, "INACTIVE");
        });

        JsonNode done = VoucherBatchIT.awaitDone(api, batch, Duration.ofMinutes(2));
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("generated").asLong()).isEqualTo(30_000);
        assertThat(db.sql("SELECT count(*) FROM vouchers WHERE account_id = :a AND batch_id = :b")
                .param("a", UUID.fromString(account.uuid())).param("b", UUID.fromString(batch))
                .query(Long.class).single()).isEqualTo(30_000);
        var listed = api.get(PREFIX + "/vouchers?promotion_uuid=" + promotion + "&limit=1");
        assertThat(listed.json().get("meta").get("total").asLong()).isEqualTo(30_000);
        String code = listed.data().get(0).get("code").asString();
        assertInactive(redeem(api, code, contact(api, "late@example.com")));
    }

    @Test
    void redeemsAndCreationsRacingASwitchOffNeverFail() throws Exception {
        TestAccount account = newAccount("Switch off race");
        Api api = as(account);
        String promotion = multiUse(api, 1000);
        voucher(api, promotion, "RACE-OFF");
        String shop = shop(api);
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            contacts.add(contact(api, "race-off" + i + "@example.com"));
        }
        int n = 48;
        CountDownLatch halfway = new CountDownLatch(n / 2);
        List<Api.Response> responses = Concurrently.run(n + 1, i -> () -> {
            if (i == n) { // the switch-off, once about half of the others have been sent
                halfway.await(30, TimeUnit.SECONDS);
                return api.putJson(PREFIX + "/promotions/" + promotion, Map.of("status", "INACTIVE"));
            }
            halfway.countDown();
            return switch (i % 4) {
                case 0 -> api.postJson(PREFIX + "/vouchers/multi-redeem", Map.of("code", "RACE-OFF",
                        "number_of_times", 2, "shop_uuid", shop, "contact_uuid", contacts.get(i % 4)));
                case 1 -> voucher(api, promotion, Map.of("code", "RACE-NEW-" + i));
                default -> redeem(api, "race-off", contacts.get(i % 4));
            };
        });
        assertThat(responses.get(n).status()).as(responses.get(n).toString()).isEqualTo(200);
        int redeemed = 0;
        for (int i = 0; i < n; i++) {
            Api.Response r = responses.get(i);
            assertThat(r.status()).as(r.toString()).isIn(200, 409);
            if (r.status() == 409) {
                assertThat(r.code()).as(r.toString()).isEqualTo(80020);
            } else if (i % 4 != 1) {
                redeemed += i % 4 == 0 ? 2 : 1;
            }
        }
        assertInactive(redeem(api, "RACE-OFF", contacts.get(0)));
        assertInactive(voucher(api, promotion, Map.of("code", "RACE-AFTER")));
        UUID a = UUID.fromString(account.uuid());
        assertThat(api.get(PREFIX + "/vouchers/find?code=RACE-OFF").data().get("times_redeemed").asInt())
                .isEqualTo(redeemed);
        assertThat(db.sql("SELECT COALESCE(sum(times), 0) FROM voucher_redemptions WHERE account_id = :a")
                .param("a", a).query(Long.class).single()).isEqualTo(redeemed);
        long created = responses.subList(0, n).stream().filter(r -> r.status() == 200)
                .filter(r -> r.data().has("code") && r.data().get("code").asString().startsWith("RACE-NEW")).count();
        assertThat(db.sql("SELECT count(*) FROM vouchers WHERE account_id = :a").param("a", a)
                .query(Long.class).single()).isEqualTo(1 + created);
        assertThat(api.get(PREFIX + "/vouchers?promotion_uuid=" + promotion).json().get("meta").get("total").asLong())
                .as("the promotion's voucher counter").isEqualTo(1 + created);
    }
}
