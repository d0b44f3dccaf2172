package io.piggy.loyalty;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import io.piggy.support.Concurrently;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** Value moves exactly once under concurrent HTTP requests: no over-spending, no lost update. */
class LedgerConcurrencyIT extends ApiIT {

    @Test
    void twoHundredParallelClaimsAgainstABalanceForExactlyKOfThem() throws Exception {
        Loyalty loyalty = new Loyalty(as(newAccount("Exact spending")));
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        int price = 7;
        int k = 37;
        int remainder = 3;
        loyalty.received(shop, contact, (long) k * price + remainder);
        String reward = loyalty.newReward(price, Map.of());

        List<Api.Response> responses = Concurrently.run(200, i -> () -> loyalty.claim(shop, contact, reward));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isLessThan(500));
        assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(k);
        assertThat(responses.stream().filter(r -> r.status() != 200))
                .hasSize(200 - k)
                .allSatisfy(r -> assertThat(r.code()).as(r.toString()).isEqualTo(1017));
        assertThat(loyalty.balance(contact)).isEqualTo(remainder);
        assertThat(loyalty.audit().get("consistent").asBoolean()).isTrue();
        assertThat(loyalty.api().get(Api.PREFIX + "/loyalty-transactions?type=reward_receptions&contact_uuid=" + contact)
                .json().get("meta").get("total").asLong()).isEqualTo(k);
    }

    @Test
    void parallelReceptionsRefundsReversalsAndClaimsLoseNoUpdate() throws Exception {
        Loyalty loyalty = new Loyalty(as(newAccount("No lost updates")));
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        loyalty.received(shop, contact, 200);
        String reward = loyalty.newReward(9, Map.of("stock", 1000));
        List<String> receptions = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            receptions.add(loyalty.received(shop, contact, 10 + i));
        }
        List<String> claims = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            claims.add(loyalty.claim(shop, contact, reward).data().get("uuid").asString());
        }
        long before = loyalty.balance(contact);

        List<Callable<Api.Response>> calls = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 60; i++) {
            long credits = random.nextInt(40) - 15; // some refunds, some of which must fail
            calls.add(() -> loyalty.receive(shop, contact, credits));
        }
        for (int i = 0; i < 40; i++) {
            calls.add(() -> loyalty.claim(shop, contact, reward));
        }
        for (String reception : receptions) {
            calls.add(() -> loyalty.reverseCredits(reception));
            calls.add(() -> loyalty.reverseCredits(reception)); // the second of each pair must get 1410
        }
        for (String claim : claims) {
            calls.add(() -> loyalty.reverseReward(claim));
        }
        List<Api.Response> responses = run(calls);

        long moved = 0;
        for (Api.Response r : responses) {
            assertThat(r.status()).as(r.toString()).isIn(200, 409);
            if (r.status() == 200) {
                moved += r.data().get("credits").asLong();
            } else {
                assertThat(r.code()).as(r.toString()).isIn(1017, 1410);
            }
        }
        for (String reception : receptions) {
            List<Api.Response> reversals = responses.stream()
                    .filter(r -> r.raw().request().uri().getPath().contains(reception)).toList();
            assertThat(reversals.stream().filter(r -> r.status() == 200)).as("reversed at most once").hasSizeLessThan(2);
            if (reversals.stream().anyMatch(r -> r.status() == 409 && r.code() == 1410)) {
                assertThat(reversals.stream().filter(r -> r.status() == 200)).as("1410 only after a reversal").hasSize(1);
            }
        }
        assertThat(loyalty.balance(contact)).isEqualTo(before + moved);
        assertThat(loyalty.audit().get("consistent").asBoolean()).isTrue();
        long newClaims = succeeded(responses, "/reward-receptions");
        long givenBack = succeeded(responses, "/reverse") - succeeded(responses, "/credit-receptions/");
        assertThat(loyalty.api().get(Api.PREFIX + "/rewards/" + reward).data().get("stock").asLong())
                .as("stock moved with the claims").isEqualTo(1000 - claims.size() - newClaims + givenBack);
    }

    /** Successful calls whose path ends with (or, for a trailing slash, contains) the given part. */
    private static long succeeded(List<Api.Response> responses, String path) {
        return responses.stream().filter(r -> r.status() == 200).map(r -> r.raw().request().uri().getPath())
                .filter(p -> path.endsWith("/") ? p.contains(path) : p.endsWith(path)).count();
    }

    /** Every call on its own thread, all at once; the answers in order. */
    private static List<Api.Response> run(List<Callable<Api.Response>> calls) throws Exception {
        return Concurrently.run(calls.size(), calls::get);
    }
}
