package io.piggy.loyalty;

import io.piggy.support.Api;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/** Test helper: one account's loyalty calls over HTTP. */
record Loyalty(Api api) {

    String shop() {
        return api.get(PREFIX + "/shops").data().get(0).get("uuid").asString();
    }

    String newContact() {
        Api.Response created = api.postJson(PREFIX + "/contacts", Map.of("email", UUID.randomUUID() + "@example.com"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.data().get("uuid").asString();
    }

    Api.Response receive(String shop, String contact, long credits) {
        return api.postJson(PREFIX + "/credit-receptions", Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", credits));
    }

    /** A reception that must succeed; its uuid. */
    String received(String shop, String contact, long credits) {
        Api.Response r = receive(shop, contact, credits);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().get("uuid").asString();
    }

    long balance(String contact) {
        Api.Response r = api.get(PREFIX + "/contacts/" + contact + "/credit-balance");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().get("balance").asLong();
    }

    String newReward(long requiredCredits, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("title", "Reward " + requiredCredits);
        body.put("required_credits", requiredCredits);
        Api.Response r = api.postJson(PREFIX + "/rewards", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().get("uuid").asString();
    }

    Api.Response claim(String shop, String contact, String reward) {
        return api.postJson(PREFIX + "/reward-receptions",
                Map.of("shop_uuid", shop, "contact_uuid", contact, "reward_uuid", reward));
    }

    Api.Response reverseCredits(String reception) {
        return api.postJson(PREFIX + "/credit-receptions/" + reception + "/reverse", Map.of());
    }

    Api.Response reverseReward(String reception) {
        return api.postJson(PREFIX + "/reward-receptions/" + reception + "/reverse", Map.of());
    }

    JsonNode audit() {
        Api.Response r = api.get(PREFIX + "/loyalty/audit");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data();
    }
}
