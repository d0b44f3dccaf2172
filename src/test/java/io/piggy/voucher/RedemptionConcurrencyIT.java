package io.piggy.voucher;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import io.piggy.support.Concurrently;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.voucher.VoucherFixtures.contact;
import static io.piggy.voucher.VoucherFixtures.multiUse;
import static io.piggy.voucher.VoucherFixtures.promotion;
import static io.piggy.voucher.VoucherFixtures.singleUse;
import static io.piggy.voucher.VoucherFixtures.voucher;
import static org.assertj.core.api.Assertions.assertThat;

/** Exactness under parallel requests, over real HTTP. */
class RedemptionConcurrencyIT extends ApiIT {
    @Autowired
    JdbcClient db;

    private static long count(List<Api.Response> responses, int status) {
        return responses.stream().filter(r -> r.status() == status).count();
    }

    @Test
    void nParallelRedeemsOfAKRedemptionCodeGiveExactlyK() throws Exception {
        Api api = as(newAccount("Parallel redeem"));
        int k = 7;
        int n = 60;
        String promotion = multiUse(api, k);
        String uuid = voucher(api, promotion, "RACE");
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            contacts.add(contact(api, "race" + i + "@example.com"));
        }
        String shop = VoucherFixtures.shop(api);
        List<Api.Response> responses = Concurrently.run(n, i -> () -> i % 3 == 0
                ? api.postJson(PREFIX + "/vouchers/multi-redeem", Map.of("code", "RACE", "number_of_times", 2,
                        "shop_uuid", shop, "contact_uuid", contacts.get(i % 6)))
                : api.postJson(PREFIX + "/vouchers/redeem", Map.of("code", "race", "contact_uuid", contacts.get(i % 6))));
        long redeemed = 0;
        for (int i = 0; i < n; i++) {
            Api.Response r = responses.get(i);
            assertThat(r.status()).as(r.toString()).isIn(200, 409);
            if (r.status() == 200) {
                redeemed += i % 3 == 0 ? 2 : 1;
            } else {
                assertThat(r.code()).isIn(80005, 80019);
            }
        }
        assertThat(redeemed).isEqualTo(k);
        var voucher = api.get(PREFIX + "/vouchers/find?code=RACE").data();
        assertThat(voucher.get("times_redeemed").asInt()).isEqualTo(k);
        assertThat(voucher.get("status").asString()).isEqualTo("REDEEMED");
        assertThat(db.sql("SELECT sum(times) FROM voucher_redemptions WHERE voucher_id = :id")
                .param("id", UUID.fromString(uuid)).query(Long.class).single()).isEqualTo(k);
    }

    @Test
    void parallelLocksGiveExactlyOne() throws Exception {
        Api api = as(newAccount("Parallel locks"));
        String uuid = voucher(api, singleUse(api), "LOCK-RACE");
        List<Api.Response> responses = Concurrently.run(40, i -> () -> api.postJson(PREFIX + "/vouchers/" + uuid + "/lock", Map.of()));
        assertThat(count(responses, 200)).isEqualTo(1);
        assertThat(responses).filteredOn(r -> r.status() != 200)
                .allSatisfy(r -> assertThat(r.code()).as(r.toString()).isEqualTo(80017));
    }

    @Test
    void limitPerContactHoldsUnderParallelRedeems() throws Exception {
        Api api = as(newAccount("Parallel limit"));
        int limit = 3;
        String promotion = promotion(api, Map.of("limit_per_contact", limit));
        String contact = contact(api, "greedy@example.com");
        int n = 30;
        for (int i = 0; i < n; i++) {
            voucher(api, promotion, "GREEDY-" + i);
        }
        List<Api.Response> responses = Concurrently.run(n, i -> () -> VoucherFixtures.redeem(api, "GREEDY-" + i, contact));
        assertThat(count(responses, 200)).isEqualTo(limit);
        assertThat(responses).filteredOn(r -> r.status() != 200)
                .allSatisfy(r -> assertThat(r.code()).as(r.toString()).isEqualTo(1019));
        assertThat(db.sql("SELECT count(*) FROM voucher_redemptions WHERE contact_id = :c")
                .param("c", UUID.fromString(contact)).query(Long.class).single()).isEqualTo(limit);
    }
}
