package io.piggy.loyalty;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

class RewardReceptionsIT extends ApiIT {
    private static final String UNKNOWN = "0190d6b2-0000-7000-8000-000000000000";

    @Test
    void claimSpendsCreditsAndStockAndReverseGivesBothBack() {
        Api api = as(newAccount("Reward receptions"));
        Loyalty loyalty = new Loyalty(api);
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        String reward = loyalty.newReward(30, Map.of("stock", 1));
        loyalty.received(shop, contact, 50);

        Api.Response claimed = loyalty.claim(shop, contact, reward);
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        JsonNode data = claimed.data();
        assertThat(data.get("type").asString()).isEqualTo("reward_reception");
        assertThat(data.get("credits").asLong()).isEqualTo(-30);
        assertThat(data.get("title").asString()).isEqualTo("Reward 30");
        assertThat(data.get("contact").get("credit_balance").get("balance").asLong()).isEqualTo(20);
        assertThat(data.get("shop").get("uuid").asString()).isEqualTo(shop);
        assertThat(data.get("reward").get("uuid").asString()).isEqualTo(reward);
        assertThat(data.get("reward").get("reward_type").asString()).isEqualTo("PHYSICAL");
        assertThat(data.get("reward").get("stock").asLong()).isZero();
        assertThat(data.get("has_been_collected").asBoolean()).isFalse();
        assertThat(data.has("expires_at")).isTrue();
        assertThat(data.get("channel").asString()).isEqualTo("OAUTH_API");
        assertThat(loyalty.balance(contact)).isEqualTo(20);

        String reception = data.get("uuid").asString();
        Api.Response reversed = loyalty.reverseReward(reception);
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
        assertThat(reversed.data().get("type").asString()).isEqualTo("credit_reception");
        assertThat(reversed.data().get("credits").asLong()).isEqualTo(30);
        assertThat(loyalty.balance(contact)).isEqualTo(50);
        assertThat(api.get(PREFIX + "/rewards/" + reward).data().get("stock").asLong()).isEqualTo(1);
        assertThat(loyalty.reverseReward(reception).code()).isEqualTo(1410);
        assertThat(loyalty.reverseReward(UNKNOWN).code()).isEqualTo(60013);
        assertThat(loyalty.reverseReward(reversed.data().get("uuid").asString()).code())
                .as("a credit reception is not a reward reception").isEqualTo(60013);
        assertThat(loyalty.reverseCredits(reception).code()).as("nor the other way round").isEqualTo(1028);

        Api.Response contactView = api.get(PREFIX + "/contacts/" + contact);
        assertThat(contactView.data().get("credit_balance").get("balance").asLong()).isEqualTo(50);
        JsonNode values = contactView.data().get("current_values");
        assertThat(values.get("loyalty_balance").asLong()).isEqualTo(50);
        assertThat(values.get("loyalty_total_credits_received").asLong())
                .as("credits given back for a reward are not received credits").isEqualTo(50);
        assertThat(values.get("loyalty_number_of_transactions").asLong()).isEqualTo(3);
        assertThat(values.get("loyalty_first_transaction_date").asString()).endsWith("+00:00");
        assertThat(loyalty.audit().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void digitalRewardsAnswerAsDigitalRewardReceptions() {
        Api api = as(newAccount("Digital rewards"));
        Loyalty loyalty = new Loyalty(api);
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        String reward = loyalty.newReward(0, Map.of("type", "DIGITAL"));
        Api.Response claimed = loyalty.claim(shop, contact, reward);
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        assertThat(claimed.data().get("type").asString()).isEqualTo("digital_reward_reception");
        assertThat(claimed.data().get("digital_reward").get("reward_type").asString()).isEqualTo("DIGITAL");
        assertThat(claimed.data().has("reward")).isFalse();
        assertThat(claimed.data().get("credits").asLong()).isZero();
    }

    @Test
    void everyErrorCode() {
        Api api = as(newAccount("Reward reception errors"));
        Loyalty loyalty = new Loyalty(api);
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        loyalty.received(shop, contact, 100);
        String reward = loyalty.newReward(10, Map.of("limit_per_contact", 2, "stock", 5));

        assertThat(api.postJson(PREFIX + "/reward-receptions", Map.of("shop_uuid", shop)).code()).isEqualTo(1003);
        assertThat(loyalty.claim(shop, contact, UNKNOWN).code()).isEqualTo(6003);
        assertThat(loyalty.claim(UNKNOWN, contact, reward).code()).isEqualTo(1008);
        assertThat(loyalty.claim(shop, UNKNOWN, reward).code()).isEqualTo(55031);
        assertThat(api.postJson(PREFIX + "/reward-receptions", Map.of("shop_uuid", shop, "contact_uuid", contact,
                "reward_uuid", reward, "contact_identifier_value", "card-7")).code()).isEqualTo(60003);
        api.postJson(PREFIX + "/contact-identifiers", Map.of("contact_identifier_value", "card-8", "contact_uuid", contact));
        Api.Response withCard = api.postJson(PREFIX + "/reward-receptions", Map.of("shop_uuid", shop,
                "contact_uuid", contact, "reward_uuid", loyalty.newReward(0, Map.of()), "contact_identifier_value", "card-8"));
        assertThat(withCard.data().get("contact_identifier").get("value").asString()).isEqualTo("card-8");

        assertThat(loyalty.claim(shop, contact, reward).status()).isEqualTo(200);
        assertThat(loyalty.claim(shop, contact, reward).status()).isEqualTo(200);
        Api.Response limit = loyalty.claim(shop, contact, reward);
        assertThat(limit.status()).isEqualTo(409);
        assertThat(limit.code()).isEqualTo(1019);

        String empty = loyalty.newReward(1, Map.of("stock", 0));
        assertThat(loyalty.claim(shop, contact, empty).code()).isEqualTo(1018);
        String inactive = loyalty.newReward(1, Map.of("active", false));
        assertThat(loyalty.claim(shop, contact, inactive).code()).isEqualTo(1052);
        String dear = loyalty.newReward(81, Map.of());
        Api.Response insufficient = loyalty.claim(shop, contact, dear);
        assertThat(insufficient.status()).isEqualTo(409);
        assertThat(insufficient.code()).isEqualTo(1017);

        assertThat(loyalty.balance(contact)).isEqualTo(80);
        assertThat(api.get(PREFIX + "/rewards/" + reward).data().get("stock").asLong()).isEqualTo(3);
        assertThat(loyalty.audit().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void aReversedClaimNoLongerCountsAgainstTheLimit() {
        Api api = as(newAccount("Claim limit reversal"));
        Loyalty loyalty = new Loyalty(api);
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        loyalty.received(shop, contact, 10);
        String reward = loyalty.newReward(1, Map.of("limit_per_contact", 1));
        String first = loyalty.claim(shop, contact, reward).data().get("uuid").asString();
        assertThat(loyalty.claim(shop, contact, reward).code()).isEqualTo(1019);
        loyalty.reverseReward(first);
        assertThat(loyalty.claim(shop, contact, reward).status()).isEqualTo(200);
    }

    @Test
    void idempotentReplayAndConflict() {
        Api api = as(newAccount("Reward reception idempotency"));
        Loyalty loyalty = new Loyalty(api);
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        loyalty.received(shop, contact, 10);
        String reward = loyalty.newReward(4, Map.of());
        String body = "{\"shop_uuid\":\"" + shop + "\",\"contact_uuid\":\"" + contact + "\",\"reward_uuid\":\"" + reward + "\"}";
        Api.Response first = CreditReceptionsIT.keyed(api, "/reward-receptions", "claim-1", body);
        Api.Response replay = CreditReceptionsIT.keyed(api, "/reward-receptions", "claim-1", body);
        assertThat(first.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(first.body());
        Api.Response conflict = CreditReceptionsIT.keyed(api, "/reward-receptions", "claim-1", body.replace(reward, shop));
        assertThat(conflict.code()).isEqualTo(1409);
        assertThat(loyalty.balance(contact)).as("spent once").isEqualTo(6);

        String reception = first.data().get("uuid").asString();
        assertThat(CreditReceptionsIT.keyed(api, "/reward-receptions/" + reception + "/reverse", "back-1", "{}").status())
                .isEqualTo(200);
        assertThat(CreditReceptionsIT.keyed(api, "/reward-receptions/" + reception + "/reverse", "back-1", "{}")
                .header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(loyalty.balance(contact)).isEqualTo(10);

        String reward2 = loyalty.newReward(1, Map.of());
        String rewardBody = "{\"title\":\"Keyed\",\"required_credits\":1}";
        Api.Response created = CreditReceptionsIT.keyed(api, "/rewards", "reward-1", rewardBody);
        assertThat(CreditReceptionsIT.keyed(api, "/rewards", "reward-1", rewardBody).data().get("uuid").asString())
                .isEqualTo(created.data().get("uuid").asString());
        assertThat(api.get(PREFIX + "/rewards").data()).as("created once").hasSize(3);
        assertThat(reward2).isNotNull();
    }
}
