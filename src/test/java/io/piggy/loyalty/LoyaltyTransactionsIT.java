package io.piggy.loyalty;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

class LoyaltyTransactionsIT extends ApiIT {
    private static final String UNKNOWN = "0190d6b2-0000-7000-8000-000000000000";

    @Test
    void listsBothKindsWithFiltersPagingAndSort() throws Exception {
        Api api = as(newAccount("Transactions"));
        Loyalty loyalty = new Loyalty(api);
        String shop = loyalty.shop();
        String web = api.postJson(PREFIX + "/shops", Map.of("name", "Web", "type", "web")).data().get("uuid").asString();
        String ada = loyalty.newContact();
        String bob = loyalty.newContact();
        String reward = loyalty.newReward(5, Map.of());
        loyalty.received(shop, ada, 10);
        loyalty.received(web, ada, 20);
        String claim = loyalty.claim(shop, ada, reward).data().get("uuid").asString();
        loyalty.received(shop, bob, 3);
        Thread.sleep(1100); // created_at has whole seconds in the API: the last row gets a later second
        loyalty.received(web, bob, 4);

        Api.Response all = api.get(PREFIX + "/loyalty-transactions");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(credits(all)).containsExactly(10L, 20L, -5L, 3L, 4L);
        JsonNode meta = all.json().get("meta");
        assertThat(meta.get("page").asLong()).isEqualTo(1);
        assertThat(meta.get("limit").asLong()).isEqualTo(10);
        assertThat(meta.get("total").asLong()).isEqualTo(5);
        assertThat(meta.get("last_page").asLong()).isEqualTo(1);
        assertThat(meta.get("viewing_from").asLong()).isEqualTo(1);
        assertThat(meta.get("viewing_to").asLong()).isEqualTo(5);
        JsonNode rewardRow = all.data().get(2);
        assertThat(rewardRow.get("type").asString()).isEqualTo("reward_reception");
        assertThat(rewardRow.get("uuid").asString()).isEqualTo(claim);
        assertThat(rewardRow.get("reward").get("uuid").asString()).isEqualTo(reward);
        assertThat(rewardRow.get("contact").get("credit_balance").get("balance").asLong()).isEqualTo(25);

        assertThat(credits(api.get(PREFIX + "/loyalty-transactions?sort=-created_at"))).containsExactly(4L, 3L, -5L, 20L, 10L);
        assertThat(credits(api.get(PREFIX + "/loyalty-transactions?type=reward_receptions"))).containsExactly(-5L);
        assertThat(credits(api.get(PREFIX + "/loyalty-transactions?type=credit_receptions"))).containsExactly(10L, 20L, 3L, 4L);
        assertThat(credits(api.get(PREFIX + "/loyalty-transactions?contact_uuid=" + bob))).containsExactly(3L, 4L);
        assertThat(credits(api.get(PREFIX + "/loyalty-transactions?shop_uuid=" + web))).containsExactly(20L, 4L);
        assertThat(credits(api.get(PREFIX + "/loyalty-transactions?shop_uuid=" + shop + "&contact_uuid=" + ada
                + "&type=credit_receptions"))).containsExactly(10L);

        Api.Response page2 = api.get(PREFIX + "/loyalty-transactions?limit=2&page=2");
        assertThat(credits(page2)).containsExactly(-5L, 3L);
        assertThat(page2.json().get("meta").get("last_page").asLong()).isEqualTo(3);
        assertThat(page2.json().get("meta").get("viewing_from").asLong()).isEqualTo(3);

        String last = URLEncoder.encode(all.data().get(4).get("created_at").asString(), StandardCharsets.UTF_8);
        assertThat(credits(api.get(PREFIX + "/loyalty-transactions?created_at%5Bgte%5D=" + last))).containsExactly(4L);
        assertThat(credits(api.get(PREFIX + "/loyalty-transactions?created_at%5Blt%5D=" + last))).containsExactly(10L, 20L, -5L, 3L);
    }

    @Test
    void errors() {
        Api api = as(newAccount("Transaction errors"));
        assertThat(api.get(PREFIX + "/loyalty-transactions?type=visits").code()).isEqualTo(1003);
        assertThat(api.get(PREFIX + "/loyalty-transactions?limit=101").code()).isEqualTo(1003);
        assertThat(api.get(PREFIX + "/loyalty-transactions?page=0").code()).isEqualTo(1003);
        assertThat(api.get(PREFIX + "/loyalty-transactions?sort=credits").code()).isEqualTo(1003);
        assertThat(api.get(PREFIX + "/loyalty-transactions?created_at%5Bgt%5D=yesterday").code()).isEqualTo(1003);
        assertThat(api.get(PREFIX + "/loyalty-transactions?contact_uuid=" + UNKNOWN).code()).isEqualTo(55031);
        assertThat(api.get(PREFIX + "/loyalty-transactions?shop_uuid=" + UNKNOWN).code()).isEqualTo(1008);
        assertThat(api.get(PREFIX + "/loyalty-transactions?contact_uuid=nope").code()).isEqualTo(1003);
    }

    @Test
    void anotherAccountsTransactionsAreInvisible() {
        Loyalty alice = new Loyalty(as(newAccount("Transactions A")));
        Loyalty bob = new Loyalty(as(newAccount("Transactions B")));
        alice.received(alice.shop(), alice.newContact(), 9);
        assertThat(bob.api().get(PREFIX + "/loyalty-transactions").data()).isEmpty();
        assertThat(bob.audit().get("consistent").asBoolean()).isTrue();
    }

    static List<Long> credits(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().valueStream().map(n -> n.get("credits").asLong()).toList();
    }
}
