package io.piggy.webhook;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/** The subscriptions API as Piggy's SDK and the WooCommerce plugin use it, on the default settings (private targets refused). */
class WebhookSubscriptionsIT extends ApiIT {
    private static final String PATH = PREFIX + "/webhook-subscriptions";
    private static final String URL = "https://hooks.example.com/piggy";

    @Test
    void createListGetUpdateAndDelete() {
        Api api = as(newAccount("Webhook subscriptions"));
        Api.Response created = api.postJson(PATH, Map.of("name", "Contacts", "event_type", "contact_created", "url", URL));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode s = created.data();
        String uuid = s.get("uuid").asString();
        assertThat(s.get("name").asString()).isEqualTo("Contacts");
        assertThat(s.get("event_type").asString()).isEqualTo("contact_created");
        assertThat(s.get("url").asString()).isEqualTo(URL);
        assertThat(s.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(s.get("version").asString()).isEqualTo("V1");
        assertThat(s.get("created_at").asString()).isNotBlank();
        assertThat(s.has("secret")).as("never shown").isFalse();
        api.form("POST", PATH, List.of(Map.entry("name", "Vouchers"), Map.entry("event_type", "voucher_redeemed"),
                Map.entry("url", URL), Map.entry("secret", "s3cret")));

        assertThat(api.get(PATH).data().size()).isEqualTo(2);
        assertThat(api.get(PATH + "?event_type=voucher_redeemed").data().get(0).get("name").asString()).isEqualTo("Vouchers");
        assertThat(api.get(PATH + "?status=INACTIVE").data().size()).isZero();
        assertThat(api.get(PATH + "?status=SLEEPING").code()).isEqualTo(1003);
        assertThat(api.get(PATH + "/" + uuid).data().get("properties").isArray()).isTrue();

        Api.Response updated = api.putJson(PATH + "/" + uuid, Map.of("name", "Renamed", "status", "INACTIVE",
                "secret", "from-the-plugin", "url", URL + "/v2"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.data().get("name").asString()).isEqualTo("Renamed");
        assertThat(updated.data().get("status").asString()).isEqualTo("INACTIVE");
        assertThat(updated.data().get("url").asString()).isEqualTo(URL + "/v2");
        assertThat(api.get(PATH + "?status=INACTIVE").data().size()).isEqualTo(1);
        assertThat(api.putJson(PATH + "/" + uuid, Map.of("event_type", "contact_updated")).code()).isEqualTo(1003);
        assertThat(api.putJson(PATH + "/" + uuid, Map.of("attributes", List.of("firstname", "lastname")))
                .data().get("attributes").size()).isEqualTo(2);

        Api.Response deleted = api.delete(PATH + "/" + uuid);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().isArray()).isTrue();
        assertThat(api.get(PATH + "/" + uuid).code()).isEqualTo(80300);
        assertThat(api.delete(PATH + "/" + uuid).code()).isEqualTo(80300);
        assertThat(api.putJson(PATH + "/" + uuid, Map.of("name", "x")).code()).isEqualTo(80300);
        assertThat(api.get(PATH + "/" + UUID.randomUUID() + "/deliveries").code()).isEqualTo(80300);
    }

    @Test
    void everyPiggyEventTypeIsAcceptedAndOthersAreRefusedWithFieldErrors() {
        Api api = as(newAccount("Webhook event types"));
        for (String type : WebhookEventTypes.ACCEPTED) {
            assertThat(api.postJson(PATH, Map.of("name", type, "event_type", type, "url", URL)).status())
                    .as(type).isEqualTo(200);
        }
        Api.Response bad = api.postJson(PATH, Map.of("name", "x", "event_type", "contact_exploded", "url", "ftp://example.com"));
        assertThat(bad.code()).isEqualTo(1003);
        assertThat(bad.json().get("errors").has("event_type")).isTrue();
        assertThat(bad.json().get("errors").has("url")).isTrue();
        Api.Response missing = api.postJson(PATH, Map.of());
        assertThat(missing.code()).isEqualTo(1003);
        assertThat(missing.json().get("errors").properties()).extracting(Map.Entry::getKey)
                .contains("name", "event_type", "url");
    }

    @Test
    void privateLoopbackAndLinkLocalTargetsAreRefusedByDefault() {
        Api api = as(newAccount("Webhook SSRF"));
        for (String url : List.of("http://127.0.0.1:8080/x", "http://localhost/x", "http://10.1.2.3/x", "http://192.168.0.1/",
                "http://172.16.5.5/", "http://169.254.169.254/latest/meta-data", "http://[::1]/x", "http://[fd00::1]/",
                "http://0.0.0.0/", "http://100.64.0.1/", "http://user@example.com/")) {
            Api.Response r = api.postJson(PATH, Map.of("name", "x", "event_type", "contact_created", "url", url));
            assertThat(r.code()).as(url).isEqualTo(1003);
            assertThat(r.json().get("errors").has("url")).as(url).isTrue();
        }
        String uuid = api.postJson(PATH, Map.of("name", "x", "event_type", "contact_created", "url", URL))
                .data().get("uuid").asString();
        assertThat(api.putJson(PATH + "/" + uuid, Map.of("url", "http://127.0.0.1/")).code()).isEqualTo(1003);
    }
}
