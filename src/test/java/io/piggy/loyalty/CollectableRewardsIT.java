package io.piggy.loyalty;

import io.piggy.shared.time.ApiTime;
import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import io.piggy.support.Concurrently;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

/** Reward expiry and collectable rewards (§3.4): collected once, before expiry, never both collected and reversed. */
class CollectableRewardsIT extends ApiIT {
    private static final String UNKNOWN = "0190d6b2-0000-7000-8000-000000000000";

    @Test
    void expirationDurationIsSetShownAndRemoved() {
        Api api = as(newAccount("Reward expiry"));
        Loyalty loyalty = new Loyalty(api);
        String reward = loyalty.newReward(1, Map.of("expiration_duration", 3600));
        assertThat(api.get(PREFIX + "/rewards/" + reward).data().get("expiration_duration").asLong()).isEqualTo(3600);
        assertThat(api.putJson(PREFIX + "/rewards/" + reward, Map.of("expiration_duration", 60)).data()
                .get("expiration_duration").asLong()).isEqualTo(60);
        assertThat(api.form("PUT", PREFIX + "/rewards/" + reward, List.of(field("title", "Keeps")))
                .data().get("expiration_duration").asLong()).as("left out: unchanged").isEqualTo(60);
        assertThat(api.form("PUT", PREFIX + "/rewards/" + reward, List.of(field("expiration_duration", "")))
                .data().get("expiration_duration").isNull()).as("empty removes it").isTrue();
        assertThat(api.get(PREFIX + "/rewards").data().get(0).has("expiration_duration")).isTrue();

        assertThat(api.putJson(PREFIX + "/rewards/" + reward, Map.of("expiration_duration", 0)).code()).isEqualTo(1003);
        assertThat(api.putJson(PREFIX + "/rewards/" + reward, Map.of("expiration_duration", "soon")).code()).isEqualTo(1003);
        for (Object bad : List.of(0, -5, 1.5)) {
            Api.Response refused = api.postJson(PREFIX + "/rewards",
                    Map.of("title", "T", "required_credits", 1, "expiration_duration", bad));
            assertThat(refused.code()).as(String.valueOf(bad)).isEqualTo(1003);
            assertThat(refused.json().get("errors").has("expiration_duration")).isTrue();
        }
    }

    @Test
    void aContactsCollectableRewardsAreItsUnreversedPhysicalReceptions() {
        Api api = as(newAccount("Collectable list"));
        Loyalty loyalty = new Loyalty(api);
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        String merged = loyalty.newContact();
        loyalty.received(shop, contact, 100);
        loyalty.received(shop, merged, 100);
        String expiring = loyalty.newReward(5, Map.of("expiration_duration", 86_400));
        String lasting = loyalty.newReward(6, Map.of());
        String digital = loyalty.newReward(7, Map.of("type", "DIGITAL"));

        JsonNode claimed = loyalty.claim(shop, contact, expiring).data();
        assertThat(Duration.between(Instant.parse(claimed.get("created_at").asString()),
                Instant.parse(claimed.get("expires_at").asString()))).isEqualTo(Duration.ofDays(1));
        assertThat(claimed.get("has_been_collected").asBoolean()).isFalse();
        String lastingClaim = loyalty.claim(shop, contact, lasting).data().get("uuid").asString();
        String reversedClaim = loyalty.claim(shop, contact, lasting).data().get("uuid").asString();
        assertThat(loyalty.reverseReward(reversedClaim).status()).isEqualTo(200);
        assertThat(loyalty.claim(shop, contact, digital).status()).isEqualTo(200);
        String mergedClaim = loyalty.claim(shop, merged, lasting).data().get("uuid").asString();
        assertThat(api.postJson(PREFIX + "/contacts/merge",
                Map.of("source_contact_uuid", merged, "destination_contact_uuid", contact)).status()).isLessThan(300);

        Api.Response listed = api.get(PREFIX + "/collectable-rewards?contact_uuid=" + contact);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.data().valueStream().map(r -> r.get("uuid").asString()))
                .containsExactly(claimed.get("uuid").asString(), lastingClaim, mergedClaim);
        JsonNode first = listed.data().get(0);
        assertThat(first.propertyNames()).containsExactlyInAnyOrder("uuid", "title", "contact", "reward", "created_at",
                "expires_at", "has_been_collected");
        assertThat(first.get("title").asString()).isEqualTo("Reward 5");
        assertThat(first.get("contact").get("uuid").asString()).isEqualTo(contact);
        assertThat(first.get("contact").get("credit_balance").get("balance").isNumber()).isTrue();
        assertThat(first.get("reward").get("uuid").asString()).isEqualTo(expiring);
        assertThat(first.get("expires_at").asString()).isEqualTo(claimed.get("expires_at").asString());
        assertThat(first.get("has_been_collected").asBoolean()).isFalse();
        assertThat(listed.data().get(1).get("expires_at").isNull()).isTrue();

        assertThat(api.get(PREFIX + "/collectable-rewards").code()).isEqualTo(1003);
        assertThat(api.get(PREFIX + "/collectable-rewards?contact_uuid=" + UNKNOWN).code()).isEqualTo(55031);
        assertThat(api.get(PREFIX + "/collectable-rewards?contact_uuid=" + loyalty.newContact()).data()).isEmpty();
    }

    @Test
    void aRewardIsCollectedOnceAndThenNotReversed() {
        Api api = as(newAccount("Collect"));
        Loyalty loyalty = new Loyalty(api);
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        loyalty.received(shop, contact, 50);
        String reward = loyalty.newReward(10, Map.of("stock", 5));
        String reception = loyalty.claim(shop, contact, reward).data().get("uuid").asString();

        Api.Response collected = collect(api, reception);
        assertThat(collected.status()).as(collected.toString()).isEqualTo(200);
        assertThat(collected.data().get("uuid").asString()).isEqualTo(reception);
        assertThat(collected.data().get("has_been_collected").asBoolean()).as("collected").isTrue();
        JsonNode listed = api.get(PREFIX + "/collectable-rewards?contact_uuid=" + contact).data().get(0);
        assertThat(listed.get("has_been_collected").asBoolean()).isTrue();
        assertThat(collected.data()).as("answered as GET /collectable-rewards lists it").isEqualTo(listed);
        assertThat(api.get(PREFIX + "/loyalty-transactions?type=reward_receptions&contact_uuid=" + contact).data()
                .get(0).get("has_been_collected").asBoolean()).isTrue();

        Api.Response again = collect(api, reception);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo(80300);
        assertThat(loyalty.reverseReward(reception).code()).as("a collected reward is not reversed").isEqualTo(80300);
        assertThat(reverse(api, reception).code()).isEqualTo(80300);
        assertThat(loyalty.balance(contact)).isEqualTo(40);
        assertThat(api.get(PREFIX + "/rewards/" + reward).data().get("stock").asLong()).isEqualTo(4);

        String credit = loyalty.received(shop, contact, 1);
        String digital = loyalty.claim(shop, contact, loyalty.newReward(0, Map.of("type", "DIGITAL")))
                .data().get("uuid").asString();
        for (String notCollectable : List.of(UNKNOWN, credit, digital)) {
            assertThat(collect(api, notCollectable).code()).as(notCollectable).isEqualTo(6003);
            assertThat(reverse(api, notCollectable).code()).as(notCollectable).isEqualTo(6003);
        }
        Api other = as(newAccount("Collect B"));
        assertThat(collect(other, reception).code()).as("another account's").isEqualTo(6003);
        assertThat(reverse(other, reception).code()).isEqualTo(6003);
        assertThat(loyalty.audit().get("consistent").asBoolean()).isTrue();
    }

    /**
     * Piggy's PHP SDK maps the answer of collect as a CollectableReward: contact (uuid, email,
     * credit_balance.balance), created_at, uuid, title, reward (with reward_type), expires_at and
     * has_been_collected, all read as required. PUT is the SDK's verb; POST does the same.
     */
    @Test
    void collectAnswersTheCollectedRewardInThePhpSdkShape() {
        Api api = as(newAccount("Collect shape"));
        Loyalty loyalty = new Loyalty(api);
        String contact = loyalty.newContact();
        String reward = loyalty.newReward(0, Map.of("expiration_duration", 86_400));
        for (String verb : List.of("PUT", "POST")) {
            String reception = loyalty.claim(loyalty.shop(), contact, reward).data().get("uuid").asString();
            Api.Response collected = "PUT".equals(verb) ? collect(api, reception)
                    : api.postJson(PREFIX + "/collectable-rewards/collect/" + reception, Map.of());
            assertThat(collected.status()).as(verb + " " + collected).isEqualTo(200);
            JsonNode c = collected.data();
            assertThat(c.propertyNames()).as(verb).containsExactlyInAnyOrder("uuid", "title", "contact", "reward",
                    "created_at", "expires_at", "has_been_collected");
            assertThat(c.get("uuid").asString()).isEqualTo(reception);
            assertThat(c.get("title").isString()).isTrue();
            assertThat(c.get("contact").get("uuid").asString()).isEqualTo(contact);
            assertThat(c.get("contact").get("email").isString()).isTrue();
            assertThat(c.get("contact").get("credit_balance").get("balance").isIntegralNumber()).isTrue();
            assertThat(c.get("created_at").isString()).isTrue();
            assertThat(c.get("expires_at").isString()).isTrue();
            assertThat(c.get("reward").get("uuid").asString()).isEqualTo(reward);
            assertThat(c.get("reward").get("title").isString()).isTrue();
            assertThat(c.get("reward").get("reward_type").asString()).isEqualTo("PHYSICAL");
            assertThat(c.get("reward").get("required_credits").isIntegralNumber()).isTrue();
            assertThat(c.get("has_been_collected").isBoolean()).isTrue();
            assertThat(c.get("has_been_collected").asBoolean()).isTrue();
            Api.Response again = api.postJson(PREFIX + "/collectable-rewards/collect/" + reception, Map.of());
            assertThat(again.code()).as(verb + " then POST again").isEqualTo(80300);
        }
        assertThat(api.postJson(PREFIX + "/collectable-rewards/collect/" + UNKNOWN, Map.of()).code()).isEqualTo(6003);

        // the API description says the same: both verbs answer the schema of the list's items
        JsonNode docs = anonymous().get("/v3/api-docs").json();
        JsonNode listed = docs.get("paths").get(PREFIX + "/collectable-rewards").get("get");
        JsonNode collect = docs.get("paths").get(PREFIX + "/collectable-rewards/collect/{loyaltyTransactionUuid}");
        String item = dataSchema(docs, listed).get("items").get("$ref").asString();
        assertThat(dataSchema(docs, collect.get("put")).get("$ref").asString()).isEqualTo(item);
        assertThat(dataSchema(docs, collect.get("post")).get("$ref").asString()).isEqualTo(item);
        assertThat(collect.get("post").get("x-piggy-extension").asBoolean()).isTrue();
    }

    /** The schema of {@code data} in an operation's 200 answer. */
    private static JsonNode dataSchema(JsonNode docs, JsonNode operation) {
        String envelope = operation.get("responses").get("200").get("content").valueStream().findFirst().orElseThrow()
                .get("schema").get("$ref").asString();
        return docs.get("components").get("schemas").get(envelope.substring(envelope.lastIndexOf('/') + 1))
                .get("properties").get("data");
    }

    @Test
    void reversingACollectableRewardGivesCreditsAndStockBack() {
        Api api = as(newAccount("Collectable reverse"));
        Loyalty loyalty = new Loyalty(api);
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        loyalty.received(shop, contact, 30);
        String reward = loyalty.newReward(10, Map.of("stock", 2, "limit_per_contact", 1));
        String reception = loyalty.claim(shop, contact, reward).data().get("uuid").asString();

        Api.Response reversed = reverse(api, reception);
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
        assertThat(reversed.data().get("uuid").asString()).isEqualTo(reception);
        assertThat(reversed.data().get("status").asString()).isEqualTo("REVERSED");
        assertThat(loyalty.balance(contact)).isEqualTo(30);
        assertThat(api.get(PREFIX + "/rewards/" + reward).data().get("stock").asLong()).isEqualTo(2);
        assertThat(api.get(PREFIX + "/loyalty-transactions?type=credit_receptions&contact_uuid=" + contact)
                .data().valueStream().filter(t -> t.get("credits").asLong() == 10)).as("the credits came back as a "
                + "credit reception, as POST /reward-receptions/{uuid}/reverse gives").hasSize(1);
        assertThat(reverse(api, reception).code()).isEqualTo(1410);
        assertThat(loyalty.reverseReward(reception).code()).isEqualTo(1410);
        assertThat(collect(api, reception).code()).as("a reversed reward is not collected").isEqualTo(80300);
        assertThat(api.get(PREFIX + "/collectable-rewards?contact_uuid=" + contact).data()).isEmpty();
        assertThat(loyalty.claim(shop, contact, reward).status()).as("the claim limit counts it no more").isEqualTo(200);
        assertThat(loyalty.audit().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void anExpiredRewardIsNotCollectedButCanBeReversed() throws InterruptedException {
        Api api = as(newAccount("Expired reward"));
        Loyalty loyalty = new Loyalty(api);
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        loyalty.received(shop, contact, 10);
        JsonNode claimed = loyalty.claim(shop, contact, loyalty.newReward(4, Map.of("expiration_duration", 1))).data();
        String reception = claimed.get("uuid").asString();
        // shown in whole seconds: one second later it has passed for sure
        Instant expired = ApiTime.parse(claimed.get("expires_at").asString()).orElseThrow().plusSeconds(1);
        while (Instant.now().isBefore(expired)) {
            Thread.sleep(Math.max(1, Duration.between(Instant.now(), expired).toMillis()));
        }
        Api.Response late = collect(api, reception);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo(80300);
        assertThat(api.get(PREFIX + "/collectable-rewards?contact_uuid=" + contact).data()).as("still listed, with "
                + "its expires_at").hasSize(1);
        assertThat(reverse(api, reception).status()).isEqualTo(200);
        assertThat(loyalty.balance(contact)).isEqualTo(10);
    }

    @Test
    void ofParallelCollectsExactlyOneSucceeds() throws Exception {
        Api api = as(newAccount("Parallel collect"));
        Loyalty loyalty = new Loyalty(api);
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        loyalty.received(shop, contact, 100);
        String reward = loyalty.newReward(10, Map.of());
        String reception = loyalty.claim(shop, contact, reward).data().get("uuid").asString();

        List<Api.Response> collects = Concurrently.run(20, i -> () -> collect(api, reception));
        assertThat(collects).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 409));
        assertThat(collects.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(collects.stream().filter(r -> r.status() == 409)).allSatisfy(r -> assertThat(r.code()).isEqualTo(80300));

        // a collect and a reverse of each of several receptions at once: each reception ends one way, never both
        List<String> receptions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            receptions.add(loyalty.claim(shop, contact, reward).data().get("uuid").asString());
        }
        long before = loyalty.balance(contact);
        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < receptions.size(); i++) {
            String r = receptions.get(i);
            boolean throughCollectable = i % 2 == 0; // both reverse endpoints share one path
            calls.add(() -> collect(api, r));
            calls.add(() -> throughCollectable ? reverse(api, r) : loyalty.reverseReward(r));
        }
        List<Api.Response> raced = Concurrently.run(calls.size(), calls::get);
        long reversed = 0;
        for (int i = 0; i < receptions.size(); i++) {
            Api.Response collect = raced.get(2 * i);
            Api.Response reverse = raced.get(2 * i + 1);
            assertThat(List.of(collect.status(), reverse.status())).as(collect + " / " + reverse)
                    .containsExactlyInAnyOrder(200, 409);
            assertThat((collect.status() == 409 ? collect : reverse).code()).isEqualTo(80300);
            reversed += reverse.status() == 200 ? 1 : 0;
        }
        assertThat(loyalty.balance(contact)).isEqualTo(before + 10 * reversed);
        assertThat(api.get(PREFIX + "/collectable-rewards?contact_uuid=" + contact).data().valueStream()
                .filter(r -> r.get("has_been_collected").asBoolean())).hasSize(1 + receptions.size() - (int) reversed);
        assertThat(loyalty.audit().get("consistent").asBoolean()).isTrue();
    }

    private static Api.Response collect(Api api, String reception) {
        return api.putJson(PREFIX + "/collectable-rewards/collect/" + reception, Map.of());
    }

    private static Api.Response reverse(Api api, String reception) {
        return api.postJson(PREFIX + "/collectable-rewards/" + reception + "/reverse", Map.of());
    }
}
