package io.piggy.contact;

import io.piggy.support.Api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/** Calls the contact tests make over and over. */
final class ContactCalls {
    private ContactCalls() {
    }

    static String createContact(Api api, String email) {
        Api.Response r = api.postJson(PREFIX + "/contacts", Map.of("email", email));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().get("uuid").asString();
    }

    static String createAnonymous(Api api) {
        Api.Response r = api.postJson(PREFIX + "/contacts/anonymous", Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().get("uuid").asString();
    }

    static Api.Response createAttribute(Api api, String name, String type, List<Map<String, Object>> options) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("label", name);
        body.put("data_type", type);
        if (options != null) {
            body.put("options", options);
        }
        return api.postJson(PREFIX + "/contact-attributes", body);
    }

    static Api.Response setAttributes(Api api, String contact, Map<String, ?> attributes) {
        return api.putJson(PREFIX + "/contacts/" + contact, Map.of("attributes", attributes));
    }

    static String createSubscriptionType(Api api, String name, String strategy) {
        Api.Response r = api.postJson(PREFIX + "/subscription-types", Map.of("name", name, "strategy", strategy));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().get("uuid").asString();
    }
}
