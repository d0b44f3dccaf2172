package io.piggy.contact;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static io.piggy.contact.ContactCalls.createContact;
import static io.piggy.contact.ContactCalls.createSubscriptionType;
import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionsIT extends ApiIT {

    @Test
    void typesAndTheirDefaults() {
        Api api = as(newAccount("Subscriptions types"));
        Api.Response created = api.postJson(PREFIX + "/subscription-types",
                Map.of("name", "Newsletter", "description", "Monthly news", "strategy", "OPT_IN"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.data().get("strategy").asString()).isEqualTo("OPT_IN");
        assertThat(created.data().get("active").asBoolean()).isTrue();
        assertThat(created.data().get("id").asLong()).isPositive();
        createSubscriptionType(api, "Service mails", "opt_out");
        assertThat(api.get(PREFIX + "/subscription-types").data()).hasSize(2);

        String contact = createContact(api, "subs@example.com");
        JsonNode subscriptions = api.get(PREFIX + "/contact-subscriptions/" + contact).data();
        assertThat(subscriptions).hasSize(2);
        assertThat(statusOf(subscriptions, "Newsletter")).isEqualTo("UNSUBSCRIBED");
        assertThat(statusOf(subscriptions, "Service mails")).isEqualTo("SUBSCRIBED");
        JsonNode inContact = api.get(PREFIX + "/contacts/" + contact).data();
        assertThat(inContact.get("subscriptions")).hasSize(2);
        assertThat(inContact.get("subscriptions").get(0).get("subscription_type").get("uuid").asString()).isNotBlank();
        long newsletterId = created.data().get("id").asLong();
        assertThat(inContact.get("current_values").get("subscription_status_" + newsletterId).asString()).isEqualTo("UNSUBSCRIBED");

        assertThat(api.postJson(PREFIX + "/subscription-types", Map.of("name", "x", "strategy", "MAYBE")).code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/subscription-types", Map.of("strategy", "OPT_IN")).code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/subscription-types", Map.of("name", "x")).code()).isEqualTo(1003);
    }

    @Test
    void subscribeUnsubscribeAndDoubleOptIn() {
        Api api = as(newAccount("Subscriptions"));
        String newsletter = createSubscriptionType(api, "Newsletter", "OPT_IN");
        String confirmed = createSubscriptionType(api, "Offers", "DOUBLE_OPT_IN");
        String contact = createContact(api, "subscribe@example.com");

        Api.Response subscribed = api.putJson(PREFIX + "/contact-subscriptions/" + contact + "/subscribe",
                Map.of("subscription_type_uuid", newsletter));
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(200);
        assertThat(subscribed.data().get("status").asString()).isEqualTo("SUBSCRIBED");
        assertThat(subscribed.data().get("is_subscribed").asBoolean()).isTrue();

        Api.Response pending = api.putJson(PREFIX + "/contact-subscriptions/" + contact + "/subscribe",
                Map.of("subscription_type_uuid", confirmed));
        assertThat(pending.data().get("status").asString()).isEqualTo("PENDING_CONFIRMATION");
        assertThat(pending.data().get("is_subscribed").asBoolean()).isFalse();

        // the contact confirms with its own token
        String token = api.get(PREFIX + "/contact-verification/auth-token/" + contact).data().asString();
        Api me = anonymous().as(token);
        Api.Response confirm = me.send(me.request("/api/v3/contact/subscriptions/" + confirmed + "/confirm")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(confirm.status()).as(confirm.toString()).isEqualTo(200);
        assertThat(confirm.data().get("status").asString()).isEqualTo("SUBSCRIBED");
        assertThat(me.send(me.request("/api/v3/contact/subscriptions/" + confirmed + "/confirm")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())).code()).as("nothing pending any more").isEqualTo(1003);
        assertThat(api.putJson(PREFIX + "/contact-subscriptions/" + contact + "/subscribe",
                Map.of("subscription_type_uuid", confirmed)).data().get("status").asString())
                .as("subscribing again keeps a confirmed subscription").isEqualTo("SUBSCRIBED");

        Api.Response unsubscribed = api.putJson(PREFIX + "/contact-subscriptions/" + contact + "/unsubscribe",
                Map.of("subscription_type_uuid", newsletter));
        assertThat(unsubscribed.data().get("status").asString()).isEqualTo("UNSUBSCRIBED");
        assertThat(statusOf(api.get(PREFIX + "/contact-subscriptions/" + contact).data(), "Newsletter")).isEqualTo("UNSUBSCRIBED");
    }

    @Test
    void errors() {
        Api api = as(newAccount("Subscription errors"));
        String newsletter = createSubscriptionType(api, "Newsletter", "OPT_IN");
        String contact = createContact(api, "errors@example.com");
        String unknown = UUID.randomUUID().toString();
        String path = PREFIX + "/contact-subscriptions/";
        assertThat(api.putJson(path + contact + "/subscribe", Map.of("subscription_type_uuid", unknown)).code()).isEqualTo(55030);
        assertThat(api.putJson(path + contact + "/unsubscribe", Map.of("subscription_type_uuid", unknown)).code()).isEqualTo(55030);
        assertThat(api.putJson(path + unknown + "/subscribe", Map.of("subscription_type_uuid", newsletter)).code()).isEqualTo(55031);
        assertThat(api.putJson(path + unknown + "/unsubscribe", Map.of("subscription_type_uuid", newsletter)).code()).isEqualTo(55031);
        assertThat(api.get(path + unknown).code()).isEqualTo(55031);
        assertThat(api.putJson(path + contact + "/subscribe", Map.of()).code()).isEqualTo(1003);
        assertThat(api.putJson(path + contact + "/subscribe", Map.of("subscription_type_uuid", "not-a-uuid")).code()).isEqualTo(1003);

        Api.Response inactive = api.postJson(PREFIX + "/subscription-types", Map.of("name", "Old", "strategy", "OPT_IN", "active", false));
        assertThat(api.putJson(path + contact + "/subscribe", Map.of("subscription_type_uuid",
                inactive.data().get("uuid").asString())).code()).isEqualTo(1003);

        Api other = as(newAccount("Subscription other account"));
        String theirs = createContact(other, "theirs@example.com");
        assertThat(other.putJson(path + theirs + "/subscribe", Map.of("subscription_type_uuid", newsletter)).code())
                .as("another account's type is unknown").isEqualTo(55030);
    }

    private static String statusOf(JsonNode subscriptions, String typeName) {
        for (JsonNode s : subscriptions) {
            if (s.get("subscription_type").get("name").asString().equals(typeName)) {
                return s.get("status").asString();
            }
        }
        throw new AssertionError("no subscription of type " + typeName);
    }
}
