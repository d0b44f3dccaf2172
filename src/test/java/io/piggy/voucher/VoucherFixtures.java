package io.piggy.voucher;

import io.piggy.support.Api;

import java.util.HashMap;
import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/** Small helpers the voucher ITs share: promotions, vouchers, contacts and shops over the API. */
final class VoucherFixtures {
    private VoucherFixtures() {
    }

    static String promotion(Api api, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Promo", "description", "A promotion"));
        body.putAll(fields);
        Api.Response r = api.postJson(PREFIX + "/promotions", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().get("uuid").asString();
    }

    static String singleUse(Api api) {
        return promotion(api, Map.of());
    }

    static String multiUse(Api api, int redemptions) {
        return promotion(api, Map.of("type", "MULTI_USE", "redemptions_per_voucher", redemptions));
    }

    static Api.Response voucher(Api api, String promotion, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("promotion_uuid", promotion));
        body.putAll(fields);
        return api.postJson(PREFIX + "/vouchers", body);
    }

    /** A voucher with this code; returns its uuid. */
    static String voucher(Api api, String promotion, String code) {
        Api.Response r = voucher(api, promotion, Map.of("code", code));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().get("uuid").asString();
    }

    static String contact(Api api, String email) {
        Api.Response r = api.postJson(PREFIX + "/contacts", Map.of("email", email));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().get("uuid").asString();
    }

    static String shop(Api api) {
        Api.Response r = api.postJson(PREFIX + "/shops", Map.of("name", "Shop", "type", "physical"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().get("uuid").asString();
    }

    static Api.Response redeem(Api api, String code, String contact) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code));
        if (contact != null) {
            body.put("contact_uuid", contact);
        }
        return api.postJson(PREFIX + "/vouchers/redeem", body);
    }
}
