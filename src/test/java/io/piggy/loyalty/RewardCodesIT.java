package io.piggy.loyalty;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import io.piggy.support.Concurrently;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

/** Code pools of DIGITAL rewards: one code per reception, exactly once, also under concurrent claims. */
class RewardCodesIT extends ApiIT {
    private static final String UNKNOWN = "0190d6b2-0000-7000-8000-000000000000";

    @Autowired
    JdbcClient db;

    @Test
    void eachReceptionHandsOutOneCodeAndAReversalBurnsIt() {
        Loyalty loyalty = new Loyalty(as(newAccount("Reward codes")));
        Api api = loyalty.api();
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        loyalty.received(shop, contact, 100);
        String reward = loyalty.newReward(10, Map.of("type", "DIGITAL", "stock", 50));

        JsonNode added = addCodes(api, reward, List.of("GIFT-A", "GIFT-B", " GIFT-C ")).data();
        assertThat(added.get("added").asInt()).isEqualTo(3);
        assertThat(added.get("skipped").asInt()).isZero();
        assertThat(added.get("available").asLong()).isEqualTo(3);
        assertThat(added.get("issued").asLong()).isZero();
        assertThat(api.get(PREFIX + "/rewards/" + reward).data().get("stock").asLong())
                .as("the free codes are the stock").isEqualTo(3);

        Api.Response claimed = loyalty.claim(shop, contact, reward);
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        JsonNode data = claimed.data();
        assertThat(data.get("type").asString()).isEqualTo("digital_reward_reception");
        assertThat(data.get("digital_reward_code").get("code").asString()).as("oldest first").isEqualTo("GIFT-A");
        assertThat(data.get("digital_reward").get("stock").asLong()).isEqualTo(2);
        assertThat(data.get("credits").asLong()).isEqualTo(-10);
        String first = data.get("uuid").asString();
        assertThat(counts(api, reward)).isEqualTo(List.of(2L, 1L));

        JsonNode listed = api.get(PREFIX + "/loyalty-transactions?type=reward_receptions&contact_uuid=" + contact)
                .data().get(0);
        assertThat(listed.get("type").asString()).isEqualTo("digital_reward_reception");
        assertThat(listed.get("uuid").asString()).isEqualTo(first);
        assertThat(listed.get("digital_reward_code").get("code").asString()).isEqualTo("GIFT-A");

        assertThat(loyalty.claim(shop, contact, reward).data().get("digital_reward_code").get("code").asString())
                .isEqualTo("GIFT-B");
        assertThat(loyalty.claim(shop, contact, reward).data().get("digital_reward_code").get("code").asString())
                .as("codes are trimmed").isEqualTo("GIFT-C");
        assertThat(uuids(api.get(PREFIX + "/rewards?contact_uuid=" + contact))).as("no free code: not claimable")
                .doesNotContain(reward);
        Api.Response empty = loyalty.claim(shop, contact, reward);
        assertThat(empty.status()).isEqualTo(409);
        assertThat(empty.code()).isEqualTo(1018);
        assertThat(loyalty.balance(contact)).as("a refused claim spends nothing").isEqualTo(70);

        Api.Response reversed = loyalty.reverseReward(first);
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
        assertThat(loyalty.balance(contact)).isEqualTo(80);
        assertThat(counts(api, reward)).as("a revealed code is burned, not put back").isEqualTo(List.of(0L, 3L));
        assertThat(loyalty.claim(shop, contact, reward).code()).isEqualTo(1018);
        assertThat(api.get(PREFIX + "/loyalty-transactions?type=reward_receptions&contact_uuid=" + contact).data()
                .get(0).get("digital_reward_code").get("code").asString())
                .as("the reversed reception still shows its code").isEqualTo("GIFT-A");

        JsonNode more = addCodes(api, reward, List.of("GIFT-A", "GIFT-D", "GIFT-D", "GIFT-E")).data();
        assertThat(more.get("added").asInt()).isEqualTo(2);
        assertThat(more.get("skipped").asInt()).isEqualTo(2);
        assertThat(more.get("skipped_codes").valueStream().map(JsonNode::asString)).containsExactly("GIFT-A", "GIFT-D");
        assertThat(more.get("available").asLong()).isEqualTo(2);
        assertThat(uuids(api.get(PREFIX + "/rewards?contact_uuid=" + contact))).contains(reward);
        assertThat(loyalty.claim(shop, contact, reward).data().get("digital_reward_code").get("code").asString())
                .isEqualTo("GIFT-D");

        String other = loyalty.newReward(1, Map.of("type", "DIGITAL"));
        assertThat(addCodes(api, other, List.of("GIFT-A")).data().get("added").asInt())
                .as("codes are unique per reward, not per account").isEqualTo(1);
        assertThat(loyalty.audit().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void codesArriveAsAFormToo() {
        Loyalty loyalty = new Loyalty(as(newAccount("Reward codes form")));
        String reward = loyalty.newReward(1, Map.of("type", "DIGITAL"));
        Api.Response added = loyalty.api().form("POST", PREFIX + "/rewards/" + reward + "/codes",
                List.of(field("codes[]", "X-1"), field("codes[]", "X-2")));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.data().get("available").asLong()).isEqualTo(2);
    }

    @Test
    void aDigitalRewardWithoutCodesHandsOutNone() {
        Loyalty loyalty = new Loyalty(as(newAccount("Reward without codes")));
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        String reward = loyalty.newReward(0, Map.of("type", "DIGITAL", "stock", 1));
        Api.Response claimed = loyalty.claim(shop, contact, reward);
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        assertThat(claimed.data().get("digital_reward_code").isNull()).isTrue();
        assertThat(claimed.data().get("digital_reward").get("stock").asLong()).as("its stock applies").isZero();
        assertThat(loyalty.claim(shop, contact, reward).code()).isEqualTo(1018);
        assertThat(counts(loyalty.api(), reward)).isEqualTo(List.of(0L, 0L));
    }

    @Test
    void errors() {
        Loyalty loyalty = new Loyalty(as(newAccount("Reward code errors")));
        Api api = loyalty.api();
        String digital = loyalty.newReward(1, Map.of("type", "DIGITAL"));
        String physical = loyalty.newReward(1, Map.of());

        assertThat(addCodes(api, UNKNOWN, List.of("A")).code()).isEqualTo(6003);
        assertThat(api.get(PREFIX + "/rewards/" + UNKNOWN + "/codes").code()).isEqualTo(6003);
        Api.Response notDigital = addCodes(api, physical, List.of("A"));
        assertThat(notDigital.code()).isEqualTo(1003);
        assertThat(notDigital.json().get("errors").has("codes")).isTrue();
        assertThat(api.postJson(PREFIX + "/rewards/" + digital + "/codes", Map.of()).code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/rewards/" + digital + "/codes", Map.of("codes", "A")).code()).isEqualTo(1003);
        assertThat(addCodes(api, digital, List.of()).code()).isEqualTo(1003);
        Api.Response tooMany = addCodes(api, digital, IntStream.range(0, 10_001).mapToObj(i -> "C" + i).toList());
        assertThat(tooMany.code()).isEqualTo(1003);
        List<Object> bad = new ArrayList<>(List.of("ok-1", "ok-2", "ok-3", "  ", "x".repeat(256), Map.of("a", 1)));
        bad.add(null);
        Api.Response invalid = api.postJson(PREFIX + "/rewards/" + digital + "/codes", Map.of("codes", bad));
        assertThat(invalid.code()).isEqualTo(1003);
        assertThat(invalid.json().get("errors").propertyNames()).containsExactlyInAnyOrder("codes.3", "codes.4",
                "codes.5", "codes.6");
        assertThat(counts(api, digital)).as("a refused upload adds nothing").isEqualTo(List.of(0L, 0L));

        assertThat(addCodes(api, digital, IntStream.range(0, 10_000).mapToObj(i -> "C" + i).toList()).data()
                .get("available").asLong()).isEqualTo(10_000);
        assertThat(api.putJson(PREFIX + "/rewards/" + digital, Map.of("stock", 5)).code())
                .as("the pool is the stock").isEqualTo(1003);
        assertThat(api.putJson(PREFIX + "/rewards/" + digital, Map.of("type", "PHYSICAL")).code())
                .as("a reward with codes stays DIGITAL").isEqualTo(1003);
        assertThat(api.putJson(PREFIX + "/rewards/" + digital, Map.of("title", "Renamed")).status()).isEqualTo(200);

        Api otherAccount = as(newAccount("Reward code errors B"));
        assertThat(addCodes(otherAccount, digital, List.of("A")).code()).as("another account's reward").isEqualTo(6003);
        assertThat(otherAccount.get(PREFIX + "/rewards/" + digital + "/codes").code()).isEqualTo(6003);
    }

    @Test
    void sixtyParallelClaimsOfSevenCodesHandEachOutOnce() throws Exception {
        Loyalty loyalty = new Loyalty(as(newAccount("Reward codes race")));
        Api api = loyalty.api();
        String shop = loyalty.shop();
        String reward = loyalty.newReward(10, Map.of("type", "DIGITAL"));
        List<String> pool = IntStream.range(0, 7).mapToObj(i -> "RACE-" + i).toList();
        addCodes(api, reward, pool);
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String contact = loyalty.newContact();
            loyalty.received(shop, contact, 15);
            contacts.add(contact);
        }

        List<Api.Response> responses = Concurrently.run(60, i -> () -> loyalty.claim(shop, contacts.get(i), reward));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isLessThan(500));
        List<String> handedOut = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Api.Response r = responses.get(i);
            if (r.status() == 200) {
                handedOut.add(r.data().get("digital_reward_code").get("code").asString());
                assertThat(loyalty.balance(contacts.get(i))).isEqualTo(5);
            } else {
                assertThat(r.code()).as(r.toString()).isEqualTo(1018);
                assertThat(loyalty.balance(contacts.get(i))).as("a refused claim spends nothing").isEqualTo(15);
            }
        }
        assertThat(handedOut).as("each code exactly once").containsExactlyInAnyOrderElementsOf(pool);
        assertThat(counts(api, reward)).isEqualTo(List.of(0L, 7L));
        assertThat(api.get(PREFIX + "/loyalty-transactions?type=reward_receptions").json().get("meta").get("total")
                .asLong()).isEqualTo(7);
        assertThat(loyalty.audit().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void anIdempotentReplayShowsTheSameCode() {
        Loyalty loyalty = new Loyalty(as(newAccount("Reward code replay")));
        Api api = loyalty.api();
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        String reward = loyalty.newReward(0, Map.of("type", "DIGITAL"));
        addCodes(api, reward, List.of("ONE", "TWO"));
        String body = "{\"shop_uuid\":\"" + shop + "\",\"contact_uuid\":\"" + contact + "\",\"reward_uuid\":\"" + reward + "\"}";
        Api.Response first = CreditReceptionsIT.keyed(api, "/reward-receptions", "code-1", body);
        Api.Response replay = CreditReceptionsIT.keyed(api, "/reward-receptions", "code-1", body);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.data().get("digital_reward_code").get("code").asString()).isEqualTo("ONE");
        assertThat(first.data().get("digital_reward_code").get("code").asString()).isEqualTo("ONE");
        assertThat(counts(api, reward)).isEqualTo(List.of(1L, 1L));
    }

    @Test
    void codesFollowTheContactOnMergeAndStayOnGdprErasure() {
        Loyalty loyalty = new Loyalty(as(newAccount("Reward codes merge")));
        Api api = loyalty.api();
        String shop = loyalty.shop();
        String reward = loyalty.newReward(1, Map.of("type", "DIGITAL"));
        addCodes(api, reward, List.of("MERGE-1", "ERASE-1"));
        String source = loyalty.newContact();
        String destination = loyalty.newContact();
        loyalty.received(shop, source, 5);
        String sourceClaim = loyalty.claim(shop, source, reward).data().get("uuid").asString();

        Api.Response merged = api.postJson(PREFIX + "/contacts/merge",
                Map.of("source_contact_uuid", source, "destination_contact_uuid", destination));
        assertThat(merged.status()).as(merged.toString()).isLessThan(300);
        JsonNode history = api.get(PREFIX + "/loyalty-transactions?type=reward_receptions&contact_uuid=" + destination)
                .data();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("uuid").asString()).isEqualTo(sourceClaim);
        assertThat(history.get(0).get("contact").get("uuid").asString()).isEqualTo(destination);
        assertThat(history.get(0).get("digital_reward_code").get("code").asString()).isEqualTo("MERGE-1");

        String erased = loyalty.newContact();
        loyalty.received(shop, erased, 5);
        String erasedClaim = loyalty.claim(shop, erased, reward).data().get("uuid").asString();
        Api.Response deleted = api.postJson(PREFIX + "/contacts/" + erased + "/delete", Map.of("type", "GDPR"));
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        Map<String, String> codeByReception = new HashMap<>();
        api.get(PREFIX + "/loyalty-transactions?type=reward_receptions").data().valueStream()
                .forEach(t -> codeByReception.put(t.get("uuid").asString(), t.get("digital_reward_code").get("code").asString()));
        assertThat(codeByReception).as("a code is the shop's, not personal data: it stays with the ledger row")
                .containsEntry(erasedClaim, "ERASE-1").containsEntry(sourceClaim, "MERGE-1");
        assertThat(db.sql("SELECT count(*) FROM reward_codes WHERE transaction_id = :t")
                .param("t", UUID.fromString(erasedClaim)).query(Long.class).single()).isEqualTo(1);
        assertThat(loyalty.audit().get("consistent").asBoolean()).isTrue();
    }

    static Api.Response addCodes(Api api, String reward, List<String> codes) {
        return api.postJson(PREFIX + "/rewards/" + reward + "/codes", Map.of("codes", codes));
    }

    /** [available, issued] */
    static List<Long> counts(Api api, String reward) {
        Api.Response r = api.get(PREFIX + "/rewards/" + reward + "/codes");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return List.of(r.data().get("available").asLong(), r.data().get("issued").asLong());
    }

    private static List<String> uuids(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data() == null ? Collections.emptyList()
                : r.data().valueStream().map(n -> n.get("uuid").asString()).toList();
    }
}
