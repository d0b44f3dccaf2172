package io.piggy.contact;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.piggy.contact.ContactCalls.createContact;
import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

class TiersIT extends ApiIT {

    @Test
    void aContactsTierFollowsTheCreditsItReceived() {
        Api api = as(newAccount("Tiers"));
        String contact = createContact(api, "tiers@example.com");
        Api.Response none = api.get(PREFIX + "/contacts/" + contact + "/tier");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.data().isNull()).isTrue();

        Api.Response gold = api.postJson(PREFIX + "/tiers", Map.of("name", "Gold", "position", 3, "threshold", 1000));
        assertThat(gold.status()).as(gold.toString()).isEqualTo(200);
        api.postJson(PREFIX + "/tiers", Map.of("name", "Bronze", "position", 1, "threshold", 0, "description", "Everyone"));
        api.postJson(PREFIX + "/tiers", Map.of("name", "Silver", "position", 2, "threshold", 100));
        Api.Response list = api.get(PREFIX + "/tiers");
        assertThat(list.data()).hasSize(3);
        assertThat(list.data().get(0).get("name").asString()).isEqualTo("Bronze");
        assertThat(list.data().get(0).get("description").asString()).isEqualTo("Everyone");
        assertThat(list.data().get(0).has("media")).isTrue();
        assertThat(list.data().get(2).get("uuid").asString()).isEqualTo(gold.data().get("uuid").asString());

        assertThat(api.get(PREFIX + "/contacts/" + contact + "/tier").data().get("name").asString())
                .as("no loyalty yet: 0 credits received").isEqualTo("Bronze");
        RecordingContactExtensions.FACTS.put(UUID.fromString(contact), Map.of("loyalty_total_credits_received", 150L));
        assertThat(api.get(PREFIX + "/contacts/" + contact + "/tier").data().get("name").asString()).isEqualTo("Silver");
        Api.Response viewed = api.get(PREFIX + "/contacts/" + contact);
        assertThat(viewed.data().get("tier").get("name").asString()).isEqualTo("Silver");
        assertThat(viewed.data().get("current_values").get("tier").asString()).isEqualTo("Silver");
        RecordingContactExtensions.FACTS.put(UUID.fromString(contact), Map.of("loyalty_total_credits_received", 1000L));
        assertThat(api.get(PREFIX + "/contacts/" + contact + "/tier").data().get("name").asString()).isEqualTo("Gold");
    }

    @Test
    void errors() {
        Api api = as(newAccount("Tier errors"));
        api.postJson(PREFIX + "/tiers", Map.of("name", "Silver", "position", 2, "threshold", 100));
        assertThat(api.postJson(PREFIX + "/tiers", Map.of("name", "Other", "position", 2, "threshold", 500)).code())
                .as("position taken").isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/tiers", Map.of("name", "Gold", "position", 3, "threshold", 50)).code())
                .as("a higher tier needs a higher threshold").isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/tiers", Map.of("name", "Bronze", "position", 1, "threshold", 100)).code())
                .isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/tiers", Map.of("position", 1, "threshold", 0)).code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/tiers", Map.of("name", "X", "position", 0, "threshold", 0)).code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/tiers", Map.of("name", "X", "position", 1, "threshold", -1)).code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/tiers", Map.of("name", "X", "position", 1)).code()).isEqualTo(1003);
        assertThat(api.get(PREFIX + "/contacts/" + UUID.randomUUID() + "/tier").code()).isEqualTo(55031);
        assertThat(api.get(PREFIX + "/tiers").data()).hasSize(1);
        assertThat(as(newAccount("Tier other")).get(PREFIX + "/tiers").data()).isEmpty();
    }
}
