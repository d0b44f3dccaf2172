package io.piggy.voucher;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.voucher.VoucherFixtures.contact;
import static io.piggy.voucher.VoucherFixtures.multiUse;
import static io.piggy.voucher.VoucherFixtures.promotion;
import static io.piggy.voucher.VoucherFixtures.redeem;
import static io.piggy.voucher.VoucherFixtures.shop;
import static io.piggy.voucher.VoucherFixtures.singleUse;
import static io.piggy.voucher.VoucherFixtures.voucher;
import static org.assertj.core.api.Assertions.assertThat;

class RedemptionIT extends ApiIT {
    private static final String UNKNOWN = "0190d6b2-0000-7000-8000-000000000000";

    @Autowired
    JdbcClient db;

    @Test
    void redeemOnceThenAlreadyRedeemed() {
        TestAccount account = newAccount("Redeem");
        Api api = as(account);
        String promotion = singleUse(api);
        String contact = contact(api, "redeem@example.com");
        String shop = shop(api);
        voucher(api, promotion, "ONCE");
        Api.Response redeemed = api.postJson(PREFIX + "/vouchers/redeem", Map.of("code", "once",
                "contact_uuid", contact, "shop_uuid", shop));
        assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(200);
        assertThat(redeemed.data().get("status").asString()).isEqualTo("REDEEMED");
        assertThat(redeemed.data().get("is_redeemed").asBoolean()).isTrue();
        assertThat(redeemed.data().get("redeemed_at").isNull()).isFalse();
        assertThat(redeemed.data().get("redemptions_remaining").asInt()).isZero();

        Api.Response again = redeem(api, "ONCE", contact);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo(80005);
        assertThat(db.sql("SELECT count(*) FROM outbox_events WHERE account_id = :a AND event_type = 'voucher_redeemed'")
                .param("a", UUID.fromString(account.uuid())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void everyRedeemRuleAndCode() {
        Api api = as(newAccount("Redeem rules"));
        String promotion = singleUse(api);
        String contact = contact(api, "rules@example.com");
        String other = contact(api, "other@example.com");

        assertThat(redeem(api, "NOPE", contact).code()).isEqualTo(80004);
        assertThat(api.postJson(PREFIX + "/vouchers/redeem", Map.of()).code()).isEqualTo(1003);

        voucher(api, promotion, Map.of("code", "EXPIRED", "expiration_date", "2020-01-01T00:00:00+00:00"));
        assertThat(redeem(api, "EXPIRED", contact).code()).isEqualTo(80006);

        voucher(api, promotion, Map.of("code", "LATER", "activation_date", "2099-01-01T00:00:00+00:00"));
        assertThat(redeem(api, "LATER", contact).code()).isEqualTo(80014);

        String off = voucher(api, promotion, "OFF");
        api.putJson(PREFIX + "/vouchers/" + off, Map.of("status", "DEACTIVATED"));
        assertThat(redeem(api, "OFF", contact).code()).isEqualTo(80012);

        voucher(api, promotion, "NOBODY");
        Api.Response noContact = redeem(api, "NOBODY", null);
        assertThat(noContact.code()).isEqualTo(1003);
        assertThat(noContact.json().get("errors").has("contact_uuid")).isTrue();
        assertThat(redeem(api, "NOBODY", UNKNOWN).code()).isEqualTo(55031);
        assertThat(api.postJson(PREFIX + "/vouchers/redeem", Map.of("code", "NOBODY", "contact_uuid", contact,
                "shop_uuid", UNKNOWN)).code()).isEqualTo(1008);

        voucher(api, promotion, Map.of("code", "OWNED", "contact_uuid", contact));
        assertThat(redeem(api, "OWNED", other).code()).as("another contact's voucher").isEqualTo(1003);
        assertThat(redeem(api, "OWNED", null).status()).as("its own contact is used").isEqualTo(200);
    }

    @Test
    void lockReleaseAndRedeemWithTheKey() {
        Api api = as(newAccount("Locks"));
        String promotion = singleUse(api);
        String contact = contact(api, "lock@example.com");
        String uuid = voucher(api, promotion, "LOCK-ME");

        Api.Response locked = api.postJson(PREFIX + "/vouchers/" + uuid + "/lock/", Map.of());
        assertThat(locked.status()).as(locked.toString()).isEqualTo(200);
        assertThat(locked.data().get("voucher").get("uuid").asString()).isEqualTo(uuid);
        assertThat(locked.data().get("voucher").get("status").asString()).isEqualTo("LOCKED");
        var lock = locked.data().get("lock");
        String key = lock.get("release_key").asString();
        assertThat(key).hasSize(32);
        assertThat(java.time.Duration.between(java.time.OffsetDateTime.parse(lock.get("locked_at").asString()),
                java.time.OffsetDateTime.parse(lock.get("system_release_at").asString()))).hasHours(1);

        assertThat(api.postJson(PREFIX + "/vouchers/" + uuid + "/lock", Map.of()).code()).isEqualTo(80017);
        assertThat(redeem(api, "LOCK-ME", contact).code()).as("locked, no key").isEqualTo(80017);
        assertThat(api.postJson(PREFIX + "/vouchers/" + uuid + "/release", Map.of("release_key", "wrong")).code())
                .isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/vouchers/" + uuid + "/release", Map.of()).code()).isEqualTo(1003);

        Api.Response released = api.postJson(PREFIX + "/vouchers/" + uuid + "/release/", Map.of("release_key", key));
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(released.data().get("voucher").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(released.data().get("lock").get("unlocked_at").isNull()).isFalse();

        String key2 = api.postJson(PREFIX + "/vouchers/" + uuid + "/lock", Map.of()).data().get("lock")
                .get("release_key").asString();
        Api.Response redeemed = api.postJson(PREFIX + "/vouchers/redeem", Map.of("code", "LOCK-ME",
                "contact_uuid", contact, "release_key", key2));
        assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(200);
        assertThat(redeemed.data().get("status").asString()).isEqualTo("REDEEMED");

        assertThat(api.postJson(PREFIX + "/vouchers/" + uuid + "/lock", Map.of()).code()).isEqualTo(80005);
        assertThat(api.postJson(PREFIX + "/vouchers/" + uuid + "/release", Map.of("release_key", key2)).code())
                .isEqualTo(80005);
        assertThat(api.postJson(PREFIX + "/vouchers/" + UNKNOWN + "/lock", Map.of()).code()).isEqualTo(80004);
        assertThat(api.postJson(PREFIX + "/vouchers/" + UNKNOWN + "/release", Map.of("release_key", "x")).code())
                .isEqualTo(80004);

        String expired = voucher(api, promotion, Map.of("code", "LOCK-OLD", "expiration_date", "2020-01-01T00:00:00+00:00"))
                .data().get("uuid").asString();
        assertThat(api.postJson(PREFIX + "/vouchers/" + expired + "/lock", Map.of()).code()).isEqualTo(80006);
        assertThat(api.postJson(PREFIX + "/vouchers/" + expired + "/release", Map.of("release_key", "x")).code())
                .isEqualTo(80006);
        String off = voucher(api, promotion, "LOCK-OFF");
        api.putJson(PREFIX + "/vouchers/" + off, Map.of("status", "DEACTIVATED"));
        assertThat(api.postJson(PREFIX + "/vouchers/" + off + "/lock", Map.of()).code()).isEqualTo(80012);
    }

    @Test
    void aLockReleasesItselfAfterAnHour() {
        Api api = as(newAccount("Lock expiry"));
        String promotion = singleUse(api);
        String uuid = voucher(api, promotion, "SELF-RELEASE");
        assertThat(api.postJson(PREFIX + "/vouchers/" + uuid + "/lock", Map.of()).status()).isEqualTo(200);
        // an hour passes (the lock's release time moves into the past)
        db.sql("UPDATE vouchers SET lock_release_at = now() - interval '1 second' WHERE id = :id")
                .param("id", UUID.fromString(uuid)).update();
        assertThat(api.get(PREFIX + "/vouchers/find?code=SELF-RELEASE").data().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(api.postJson(PREFIX + "/vouchers/" + uuid + "/lock", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void multiRedeemReverseAndValidate() {
        Api api = as(newAccount("Multi redeem"));
        String promotion = multiUse(api, 5);
        String contact = contact(api, "multi@example.com");
        String shop = shop(api);
        String uuid = voucher(api, promotion, "MULTI");

        Api.Response three = api.postJson(PREFIX + "/vouchers/multi-redeem", Map.of("code", "MULTI",
                "number_of_times", 3, "shop_uuid", shop, "contact_uuid", contact));
        assertThat(three.status()).as(three.toString()).isEqualTo(200);
        assertThat(three.data().get("voucher").get("times_redeemed").asInt()).isEqualTo(3);
        assertThat(three.data().get("voucher").get("redemptions_remaining").asInt()).isEqualTo(2);
        assertThat(three.data().get("voucher").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(three.data().get("voucher_redemptions")).hasSize(3);

        Map<String, Object> tooMany = new HashMap<>(Map.of("code", "MULTI", "number_of_times", 3, "shop_uuid", shop,
                "contact_uuid", contact));
        assertThat(api.postJson(PREFIX + "/vouchers/multi-redeem", tooMany).code()).isEqualTo(80019);
        tooMany.put("number_of_times", 51);
        assertThat(api.postJson(PREFIX + "/vouchers/multi-redeem", tooMany).code()).isEqualTo(1003);
        tooMany.put("number_of_times", 0);
        assertThat(api.postJson(PREFIX + "/vouchers/multi-redeem", tooMany).code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/vouchers/multi-redeem", Map.of("code", "MULTI", "number_of_times", 1,
                "contact_uuid", contact)).json().get("errors").has("shop_uuid")).isTrue();

        Api.Response validated = api.postJson(PREFIX + "/vouchers/" + uuid + "/validate", Map.of("shop_uuid", shop,
                "contact_uuid", contact));
        assertThat(validated.status()).as(validated.toString()).isEqualTo(200);
        assertThat(validated.data().get("times_redeemed").asInt()).as("validate changes nothing").isEqualTo(3);
        assertThat(api.postJson(PREFIX + "/vouchers/" + uuid + "/validate", Map.of("shop_uuid", shop)).code())
                .as("contact needed").isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/vouchers/" + uuid + "/validate", Map.of("contact_uuid", contact)).code())
                .as("shop needed").isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/vouchers/" + UNKNOWN + "/validate", Map.of("shop_uuid", shop)).code())
                .isEqualTo(80004);

        // reverse one redemption by its uuid, then the latest by the voucher's uuid
        String first = three.data().get("voucher_redemptions").get(0).get("uuid").asString();
        Api.Response reversed = api.postJson(PREFIX + "/vouchers/" + first + "/reverse", Map.of());
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
        assertThat(reversed.data().get("times_redeemed").asInt()).isEqualTo(2);
        assertThat(api.postJson(PREFIX + "/vouchers/" + first + "/reverse", Map.of()).code())
                .as("reversed once only").isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/vouchers/" + uuid + "/reverse", Map.of()).data().get("times_redeemed")
                .asInt()).isEqualTo(1);
        assertThat(api.postJson(PREFIX + "/vouchers/" + uuid + "/reverse", Map.of()).data().get("times_redeemed")
                .asInt()).isZero();
        assertThat(api.postJson(PREFIX + "/vouchers/" + uuid + "/reverse", Map.of()).code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/vouchers/" + UNKNOWN + "/reverse", Map.of()).code()).isEqualTo(80004);

        assertThat(db.sql("SELECT sum(times) FROM voucher_redemptions WHERE voucher_id = :id")
                .param("id", UUID.fromString(uuid)).query(Long.class).single()).isZero();
    }

    @Test
    void limitPerContactCountsRedemptionsAcrossVouchersAndReversalsGiveThemBack() {
        Api api = as(newAccount("Limit per contact"));
        String promotion = promotion(api, Map.of("limit_per_contact", 2));
        String ada = contact(api, "ada@example.com");
        String bob = contact(api, "bob@example.com");
        for (String code : new String[]{"L1", "L2", "L3", "L4"}) {
            voucher(api, promotion, code);
        }
        assertThat(redeem(api, "L1", ada).status()).isEqualTo(200);
        String second = redeem(api, "L2", ada).data().get("uuid").asString();
        Api.Response third = redeem(api, "L3", ada);
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.code()).isEqualTo(1019);
        assertThat(redeem(api, "L3", bob).status()).as("other contacts are not limited").isEqualTo(200);
        String l4 = api.get(PREFIX + "/vouchers/find?code=L4").data().get("uuid").asString();
        assertThat(api.postJson(PREFIX + "/vouchers/" + l4 + "/validate", Map.of("shop_uuid", shop(api),
                "contact_uuid", ada)).code()).isEqualTo(1019);

        api.postJson(PREFIX + "/vouchers/" + second + "/reverse", Map.of());
        assertThat(redeem(api, "L4", ada).status()).as("the reversal gave one back").isEqualTo(200);
    }
}
