package io.piggy.voucher;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static io.piggy.voucher.VoucherFixtures.contact;
import static io.piggy.voucher.VoucherFixtures.promotion;
import static io.piggy.voucher.VoucherFixtures.singleUse;
import static io.piggy.voucher.VoucherFixtures.voucher;
import static org.assertj.core.api.Assertions.assertThat;

class VouchersIT extends ApiIT {
    @Autowired
    JdbcClient db;

    @Test
    void createWithCodeAndFindItInAnyCase() {
        TestAccount account = newAccount("Vouchers");
        Api api = as(account);
        String promotion = promotion(api, Map.of("name", "Free Krabby Patty", "description", "One patty"));
        String contact = contact(api, "sandy@example.com");
        // the contact's own contact_created event is not this test's subject: only what the voucher calls write
        db.sql("DELETE FROM outbox_events WHERE account_id = :a").param("a", UUID.fromString(account.uuid())).update();
        Api.Response created = voucher(api, promotion, Map.of("code", "Summer-25", "contact_uuid", contact,
                "activation_date", "2026-01-01T00:00:00+00:00", "expiration_date", "2099-12-31T10:00:00+00:00",
                "custom_attributes", Map.of("plu", "ABC123")));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        var v = created.data();
        assertThat(v.get("code").asString()).isEqualTo("Summer-25");
        assertThat(v.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(v.get("name").asString()).isEqualTo("Free Krabby Patty");
        assertThat(v.get("description").asString()).isEqualTo("One patty");
        assertThat(v.get("activation_date").asString()).isEqualTo("2026-01-01T00:00:00+00:00");
        assertThat(v.get("expiration_date").asString()).isEqualTo("2099-12-31T10:00:00+00:00");
        assertThat(v.get("redeemed_at").isNull()).isTrue();
        assertThat(v.get("is_redeemed").asBoolean()).isFalse();
        assertThat(v.get("redemptions_remaining").asInt()).isEqualTo(1);
        assertThat(v.get("times_redeemed").asInt()).isZero();
        assertThat(v.get("total_redemptions_allowed").asInt()).isEqualTo(1);
        assertThat(v.get("attributes").get("plu").asString()).isEqualTo("ABC123");
        assertThat(v.get("contact").get("uuid").asString()).isEqualTo(contact);
        assertThat(v.get("contact").get("email").asString()).isEqualTo("sandy@example.com");
        assertThat(v.get("promotion").get("uuid").asString()).isEqualTo(promotion);
        assertThat(v.get("promotion").get("type").asString()).isEqualTo("SINGLE_USE");

        Api.Response found = api.get(PREFIX + "/vouchers/find?code=sUMMER-25");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.data().get("uuid").asString()).isEqualTo(v.get("uuid").asString());
        assertThat(found.data().get("code").asString()).as("stored as given").isEqualTo("Summer-25");

        Api.Response duplicate = voucher(api, promotion, Map.of("code", "SUMMER-25"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo(80003);

        assertThat(db.sql("SELECT event_type FROM outbox_events WHERE account_id = :a ORDER BY id")
                .param("a", UUID.fromString(account.uuid())).query(String.class).list()).containsExactly("voucher_created");
    }

    @Test
    void generatedCodesAndPromotionDefaults() {
        Api api = as(newAccount("Generated codes"));
        String promotion = promotion(api, Map.of("type", "MULTI_USE", "redemptions_per_voucher", 5,
                "expiration_duration", 3600));
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Api.Response generated = voucher(api, promotion, Map.of());
        assertThat(generated.status()).as(generated.toString()).isEqualTo(200);
        assertThat(generated.data().get("code").asString()).matches("[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}");
        assertThat(generated.data().get("total_redemptions_allowed").asInt()).isEqualTo(5);
        Instant expires = Instant.parse(generated.data().get("expiration_date").asString().replace("+00:00", "Z"));
        assertThat(expires).isBetween(before.plusSeconds(3600), before.plusSeconds(3700));

        Api.Response shaped = voucher(api, promotion, Map.of("code_options", Map.of("pattern", "XMAS-####",
                "charset", "abc"), "total_redemptions_allowed", 2));
        assertThat(shaped.status()).as(shaped.toString()).isEqualTo(200);
        assertThat(shaped.data().get("code").asString()).matches("XMAS-[abc]{4}");
        assertThat(shaped.data().get("total_redemptions_allowed").asInt()).isEqualTo(2);

        // as the PHP SDK sends it: a form, with a DateTime turned into its fields
        Api.Response form = api.form("POST", PREFIX + "/vouchers", List.of(field("promotion_uuid", promotion),
                field("code", "FORM-1"), field("activation_date[date]", "2030-05-01 12:00:00.000000"),
                field("activation_date[timezone_type]", "3"), field("activation_date[timezone]", "Europe/Amsterdam")));
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        assertThat(form.data().get("activation_date").asString()).isEqualTo("2030-05-01T10:00:00+00:00");
        assertThat(form.data().get("status").asString()).isEqualTo("INACTIVE");
    }

    @Test
    void creationErrors() {
        Api api = as(newAccount("Voucher errors"));
        String promotion = promotion(api, Map.of("voucher_limit", 1));
        assertThat(voucher(api, promotion, Map.of("code", "ONE")).status()).isEqualTo(200);
        Api.Response limit = voucher(api, promotion, Map.of("code", "TWO"));
        assertThat(limit.status()).isEqualTo(409);
        assertThat(limit.code()).isEqualTo(80008);

        String open = singleUse(api);
        assertThat(voucher(api, "0190d6b2-0000-7000-8000-000000000000", Map.of()).code()).isEqualTo(80002);
        assertThat(voucher(api, open, Map.of("contact_uuid", "0190d6b2-0000-7000-8000-000000000000")).code()).isEqualTo(55031);
        assertThat(api.postJson(PREFIX + "/vouchers", Map.of()).code()).isEqualTo(1003);
        assertThat(voucher(api, open, Map.of("expiration_date", "tomorrow")).json().get("errors").has("expiration_date")).isTrue();
        assertThat(voucher(api, open, Map.of("activation_date", "2030-01-02T00:00:00+00:00",
                "expiration_date", "2030-01-01T00:00:00+00:00")).code()).isEqualTo(1003);
        assertThat(voucher(api, open, Map.of("code", "has space")).code()).isEqualTo(1003);
        assertThat(voucher(api, open, Map.of("total_redemptions_allowed", 3)).code())
                .as("single-use vouchers allow one redemption").isEqualTo(1003);
        assertThat(voucher(api, open, Map.of("code_options", Map.of("charset", "aA"))).code()).isEqualTo(1003);
        assertThat(voucher(api, open, Map.of("code_options", Map.of("length", 1, "charset", "AB"))).status())
                .as("2 codes, a generation may take 1 of them").isEqualTo(200);
        assertThat(voucher(api, open, Map.of("code_options", Map.of("length", 1, "charset", "AB"))).code())
                .as("1 free code left, half of it rounds to none").isEqualTo(1003);
    }

    @Test
    void listFiltersAndPaging() {
        Api api = as(newAccount("Voucher list"));
        String p1 = singleUse(api);
        String p2 = singleUse(api);
        String contact = contact(api, "list@example.com");
        for (int i = 0; i < 5; i++) {
            voucher(api, p1, "P1-" + i);
        }
        voucher(api, p2, Map.of("code", "P2-C", "contact_uuid", contact));
        String deactivated = voucher(api, p2, "P2-D");
        assertThat(api.putJson(PREFIX + "/vouchers/" + deactivated, Map.of("status", "DEACTIVATED")).status()).isEqualTo(200);

        Api.Response page = api.get(PREFIX + "/vouchers?promotion_uuid=" + p1 + "&limit=2&page=2");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.data()).hasSize(2);
        assertThat(page.data().get(0).get("code").asString()).isEqualTo("P1-2");
        var meta = page.json().get("meta");
        assertThat(meta.get("current_page").asInt()).isEqualTo(2);
        assertThat(meta.get("last_page").asInt()).isEqualTo(3);
        assertThat(meta.get("per_page").asInt()).isEqualTo(2);
        assertThat(meta.get("total").asInt()).isEqualTo(5);
        assertThat(meta.get("from").asInt()).isEqualTo(3);
        assertThat(meta.get("to").asInt()).isEqualTo(4);
        assertThat(page.json().get("links").get("next").asString()).contains("page=3").contains("promotion_uuid=" + p1);

        assertThat(api.get(PREFIX + "/vouchers?contact_uuid=" + contact).data()).singleElement()
                .satisfies(v -> assertThat(v.get("code").asString()).isEqualTo("P2-C"));
        assertThat(api.get(PREFIX + "/vouchers?status=DEACTIVATED").data()).singleElement()
                .satisfies(v -> assertThat(v.get("code").asString()).isEqualTo("P2-D"));
        assertThat(api.get(PREFIX + "/vouchers?status=active").json().get("meta").get("total").asInt()).isEqualTo(6);
        assertThat(api.get(PREFIX + "/vouchers").json().get("meta").get("total").asInt()).isEqualTo(7);

        assertThat(api.get(PREFIX + "/vouchers?limit=501").code()).isEqualTo(1003);
        assertThat(api.get(PREFIX + "/vouchers?limit=500").status()).isEqualTo(200);
        assertThat(api.get(PREFIX + "/vouchers?status=GONE").code()).isEqualTo(1003);
        assertThat(api.get(PREFIX + "/vouchers?promotion_uuid=0190d6b2-0000-7000-8000-000000000000").code()).isEqualTo(80002);
        assertThat(api.get(PREFIX + "/vouchers?contact_uuid=0190d6b2-0000-7000-8000-000000000000").code()).isEqualTo(55031);
        assertThat(api.get(PREFIX + "/vouchers?promotion_uuid=nope").code()).isEqualTo(1003);
    }

    @Test
    void updateStatusExpirationAndAttributes() {
        TestAccount account = newAccount("Voucher update");
        Api api = as(account);
        String promotion = singleUse(api);
        String uuid = voucher(api, promotion, "UPD-1");
        Api.Response off = api.putJson(PREFIX + "/vouchers/" + uuid, Map.of("status", "DEACTIVATED",
                "expiration_date", "2099-01-01T00:00:00+00:00", "custom_attributes", Map.of("note", "paused")));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.data().get("status").asString()).isEqualTo("DEACTIVATED");
        assertThat(off.data().get("expiration_date").asString()).isEqualTo("2099-01-01T00:00:00+00:00");
        assertThat(off.data().get("attributes").get("note").asString()).isEqualTo("paused");
        assertThat(api.putJson(PREFIX + "/vouchers/" + uuid, Map.of("status", "DEACTIVATED",
                "expiration_date", "2098-01-01T00:00:00+00:00")).code())
                .as("a deactivated voucher keeps its expiration date").isEqualTo(1003);
        Api.Response on = api.putJson(PREFIX + "/vouchers/" + uuid, Map.of("status", "ACTIVE"));
        assertThat(on.data().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(on.data().get("attributes").get("note").asString()).as("kept when not sent").isEqualTo("paused");

        assertThat(api.putJson(PREFIX + "/vouchers/" + uuid, Map.of("status", "REDEEMED")).code()).isEqualTo(1003);
        assertThat(api.putJson(PREFIX + "/vouchers/" + uuid, Map.of()).code()).isEqualTo(1003);
        assertThat(api.putJson(PREFIX + "/vouchers/0190d6b2-0000-7000-8000-000000000000", Map.of("status", "ACTIVE"))
                .code()).isEqualTo(80004);
        assertThat(db.sql("SELECT count(*) FROM outbox_events WHERE account_id = :a AND event_type = 'voucher_updated'")
                .param("a", UUID.fromString(account.uuid())).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void findErrorsAndTenantIsolation() {
        Api alice = as(newAccount("Vouchers A"));
        Api bob = as(newAccount("Vouchers B"));
        String promotion = singleUse(alice);
        String uuid = voucher(alice, promotion, "SHARED-CODE");
        Api.Response missing = bob.get(PREFIX + "/vouchers/find?code=SHARED-CODE");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo(80004);
        assertThat(bob.get(PREFIX + "/vouchers/find").code()).isEqualTo(1003);
        assertThat(bob.putJson(PREFIX + "/vouchers/" + uuid, Map.of("status", "DEACTIVATED")).code()).isEqualTo(80004);
        assertThat(voucher(bob, singleUse(bob), Map.of("code", "shared-code")).status())
                .as("codes are unique per account, not globally").isEqualTo(200);
    }

    @Test
    void getByUuidAnswersWhatFindByCodeDoes() {
        Api alice = as(newAccount("Voucher by uuid"));
        Api bob = as(newAccount("Voucher by uuid, other"));
        String promotion = promotion(alice, Map.of("name", "Free Krabby Patty", "description", "One patty"));
        String contact = contact(alice, "patty@example.com");
        String uuid = voucher(alice, promotion, Map.of("code", "BY-UUID", "contact_uuid", contact,
                "custom_attributes", Map.of("plu", "ABC123"))).data().get("uuid").asString();

        Api.Response got = alice.get(PREFIX + "/vouchers/" + uuid);
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        assertThat(got.data()).isEqualTo(alice.get(PREFIX + "/vouchers/find?code=BY-UUID").data());
        assertThat(got.data().get("code").asString()).isEqualTo("BY-UUID");
        assertThat(got.data().get("name").asString()).isEqualTo("Free Krabby Patty");
        assertThat(got.data().get("promotion").get("uuid").asString()).isEqualTo(promotion);
        assertThat(got.data().get("promotion").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(got.data().get("contact").get("email").asString()).isEqualTo("patty@example.com");
        assertThat(got.data().get("attributes").get("plu").asString()).isEqualTo("ABC123");

        Api.Response foreign = bob.get(PREFIX + "/vouchers/" + uuid);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).as("another account's voucher is unknown").isEqualTo(80004);
        assertThat(alice.get(PREFIX + "/vouchers/0190d6b2-0000-7000-8000-000000000000").code()).isEqualTo(80004);
        assertThat(alice.get(PREFIX + "/vouchers/not-a-uuid").code()).isEqualTo(1003);
        assertThat(alice.get(PREFIX + "/vouchers/batches").status()).as("still its own endpoint").isEqualTo(200);
    }

    @Test
    void listByEveryStatus() {
        Api api = as(newAccount("Voucher statuses"));
        String promotion = singleUse(api);
        String other = VoucherFixtures.multiUse(api, 2);
        String contact = contact(api, "statuses@example.com");
        voucher(api, promotion, "S-ACTIVE");
        voucher(api, promotion, "S-REDEEMED");
        assertThat(VoucherFixtures.redeem(api, "S-REDEEMED", contact).status()).isEqualTo(200);
        String reversed = voucher(api, promotion, "S-REVERSED");
        assertThat(VoucherFixtures.redeem(api, "S-REVERSED", contact).status()).isEqualTo(200);
        assertThat(api.postJson(PREFIX + "/vouchers/" + reversed + "/reverse", Map.of()).status()).isEqualTo(200);
        voucher(api, other, "S-HALF");
        assertThat(VoucherFixtures.redeem(api, "S-HALF", contact).status()).isEqualTo(200);
        voucher(api, promotion, Map.of("code", "S-EXPIRED", "expiration_date", "2020-01-01T00:00:00+00:00"));
        voucher(api, promotion, Map.of("code", "S-INACTIVE", "activation_date", "2099-01-01T00:00:00+00:00"));
        String deactivated = voucher(api, promotion, "S-DEACTIVATED");
        assertThat(api.putJson(PREFIX + "/vouchers/" + deactivated, Map.of("status", "DEACTIVATED")).status()).isEqualTo(200);
        String locked = voucher(api, other, "S-LOCKED");
        assertThat(api.postJson(PREFIX + "/vouchers/" + locked + "/lock", Map.of()).status()).isEqualTo(200);
        String released = voucher(api, promotion, "S-RELEASED");
        String key = api.postJson(PREFIX + "/vouchers/" + released + "/lock", Map.of()).data().get("lock")
                .get("release_key").asString();
        assertThat(api.postJson(PREFIX + "/vouchers/" + released + "/release", Map.of("release_key", key)).status())
                .isEqualTo(200);

        Map<String, List<String>> expected = Map.of(
                "ACTIVE", List.of("S-ACTIVE", "S-REVERSED", "S-HALF", "S-RELEASED"),
                "REDEEMED", List.of("S-REDEEMED"),
                "EXPIRED", List.of("S-EXPIRED"),
                "INACTIVE", List.of("S-INACTIVE"),
                "DEACTIVATED", List.of("S-DEACTIVATED"),
                "LOCKED", List.of("S-LOCKED"));
        expected.forEach((status, codes) -> {
            Api.Response all = api.get(PREFIX + "/vouchers?status=" + status);
            assertThat(all.data()).as(status).extracting(v -> v.get("code").asString())
                    .containsExactlyInAnyOrderElementsOf(codes);
            assertThat(all.data()).allSatisfy(v -> assertThat(v.get("status").asString()).isEqualTo(status));
            assertThat(all.json().get("meta").get("total").asInt()).as(status).isEqualTo(codes.size());
            assertThat(api.get(PREFIX + "/vouchers?status=" + status + "&promotion_uuid=" + other).data())
                    .as(status + " in the other promotion").extracting(v -> v.get("code").asString())
                    .containsExactlyInAnyOrderElementsOf(codes.stream().filter(c -> c.equals("S-HALF")
                            || c.equals("S-LOCKED")).toList());
        });
        assertThat(api.get(PREFIX + "/vouchers?status=ACTIVE&contact_uuid=" + contact).data()).isEmpty();
        assertThat(api.get(PREFIX + "/vouchers").json().get("meta").get("total").asInt()).isEqualTo(9);
        assertThat(api.get(PREFIX + "/vouchers?promotion_uuid=" + other).json().get("meta").get("total").asInt())
                .isEqualTo(2);
    }
}
