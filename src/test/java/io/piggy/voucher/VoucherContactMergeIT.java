package io.piggy.voucher;

import io.piggy.account.AccountId;
import io.piggy.contact.ContactMergeStep;
import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.voucher.VoucherFixtures.contact;
import static io.piggy.voucher.VoucherFixtures.promotion;
import static io.piggy.voucher.VoucherFixtures.redeem;
import static io.piggy.voucher.VoucherFixtures.voucher;
import static org.assertj.core.api.Assertions.assertThat;

/** The voucher share of a contact merge, called as the contact feature will: inside its transaction. */
class VoucherContactMergeIT extends ApiIT {
    @Autowired
    List<ContactMergeStep> steps;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient db;

    @Test
    void vouchersRedemptionsAndPerContactCountsMoveToTheDestination() {
        TestAccount account = newAccount("Voucher merge");
        Api api = as(account);
        String promotion = promotion(api, Map.of("limit_per_contact", 3));
        String source = contact(api, "anonymous@example.com");
        String destination = contact(api, "real@example.com");
        voucher(api, promotion, Map.of("code", "MINE-1", "contact_uuid", source));
        voucher(api, promotion, Map.of("code", "MINE-2", "contact_uuid", source));
        for (String code : new String[]{"PUB-1", "PUB-2", "PUB-3"}) {
            voucher(api, promotion, code);
        }
        assertThat(redeem(api, "MINE-1", null).status()).isEqualTo(200);
        assertThat(redeem(api, "PUB-1", destination).status()).isEqualTo(200);

        AccountId id = new AccountId(UUID.fromString(account.uuid()));
        transactions.executeWithoutResult(s -> steps.forEach(step ->
                step.merge(id, UUID.fromString(source), UUID.fromString(destination))));

        assertThat(api.get(PREFIX + "/vouchers?contact_uuid=" + destination).json().get("meta").get("total").asInt())
                .isEqualTo(2);
        assertThat(api.get(PREFIX + "/vouchers?contact_uuid=" + source).json().get("meta").get("total").asInt()).isZero();
        assertThat(db.sql("SELECT count(*) FROM voucher_redemptions WHERE contact_id = :c")
                .param("c", UUID.fromString(destination)).query(Long.class).single()).isEqualTo(2);
        // two redemptions counted for the destination now: one more fits under the limit of 3, then no more
        assertThat(redeem(api, "MINE-2", null).status()).isEqualTo(200);
        assertThat(redeem(api, "PUB-2", destination).code()).isEqualTo(1019);
    }

    @Test
    void theMergeEndpointRunsTheVoucherStep() {
        Api api = as(newAccount("Voucher merge over HTTP"));
        String promotion = promotion(api, Map.of());
        String source = contact(api, "source@example.com");
        String destination = contact(api, "destination@example.com");
        voucher(api, promotion, Map.of("code", "MOVES", "contact_uuid", source));
        Api.Response merged = api.postJson(PREFIX + "/contacts/merge", Map.of("source_contact_uuid", source,
                "destination_contact_uuid", destination));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(api.get(PREFIX + "/vouchers/find?code=MOVES").data().get("contact").get("uuid").asString())
                .isEqualTo(destination);
    }
}
