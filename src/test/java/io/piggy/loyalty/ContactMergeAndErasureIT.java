package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.contact.ContactErasureStep;
import io.piggy.contact.ContactMergeStep;
import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loyalty share of claim/merge and of GDPR erasure: the steps called directly, as the contact
 * feature calls them (inside its transaction), and end to end through the contact endpoints; the
 * results are checked over HTTP.
 */
class ContactMergeAndErasureIT extends ApiIT {
    @Autowired
    @Qualifier("loyaltyMergeStep")
    ContactMergeStep mergeStep;
    @Autowired
    @Qualifier("loyaltyErasureStep")
    ContactErasureStep erasureStep;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient db;

    @Test
    void theDestinationGetsTheSourcesBalanceAndHistoryOnce() {
        TestAccount account = newAccount("Merge");
        AccountId id = new AccountId(UUID.fromString(account.uuid()));
        Loyalty loyalty = new Loyalty(as(account));
        Api api = loyalty.api();
        String shop = loyalty.shop();
        String source = loyalty.newContact();
        String destination = loyalty.newContact();
        String once = loyalty.newReward(5, Map.of("limit_per_contact", 1));
        String sourceReception = loyalty.received(shop, source, 30);
        loyalty.claim(shop, source, once);
        loyalty.received(shop, destination, 12);

        merge(id, source, destination);

        assertThat(loyalty.balance(destination)).isEqualTo(37);
        assertThat(loyalty.balance(source)).isZero();
        JsonNode history = api.get(PREFIX + "/loyalty-transactions?contact_uuid=" + destination).data();
        assertThat(history).hasSize(3);
        assertThat(history.valueStream().map(t -> t.get("contact").get("uuid").asString()))
                .as("the source's rows now count for the destination").containsOnly(destination);
        assertThat(api.get(PREFIX + "/loyalty-transactions?contact_uuid=" + source).data()).isEmpty();
        JsonNode values = api.get(PREFIX + "/contacts/" + destination).data().get("current_values");
        assertThat(values.get("loyalty_balance").asLong()).isEqualTo(37);
        assertThat(values.get("loyalty_total_credits_received").asLong()).isEqualTo(42);
        assertThat(values.get("loyalty_number_of_transactions").asLong()).isEqualTo(3);
        assertThat(loyalty.claim(shop, destination, once).code()).as("the source's claim counts").isEqualTo(1019);
        assertThat(loyalty.audit().get("consistent").asBoolean()).isTrue();

        merge(id, source, destination);
        assertThat(loyalty.balance(destination)).as("a repeated merge moves nothing").isEqualTo(37);

        assertThat(loyalty.receive(shop, source, 1).code()).as("a merged contact takes no more credits").isEqualTo(55031);
        assertThat(loyalty.reverseCredits(sourceReception).data().get("contact").get("uuid").asString())
                .as("reversing the source's reception takes the credits from the destination").isEqualTo(destination);
        assertThat(loyalty.balance(destination)).isEqualTo(7);

        String third = loyalty.newContact();
        loyalty.received(shop, third, 1);
        merge(id, destination, third);
        assertThat(loyalty.balance(third)).isEqualTo(8);
        assertThat(api.get(PREFIX + "/loyalty-transactions?contact_uuid=" + third).data())
                .as("merges chain: the first source's rows follow").hasSize(5);
        assertThat(api.get(PREFIX + "/loyalty-transactions?contact_uuid=" + destination).data()).isEmpty();
        assertThat(loyalty.audit().get("consistent").asBoolean()).isTrue();
        assertThat(loyalty.audit().get("differences")).isEmpty();
    }

    @Test
    void claimAndMergeOverHttpCarryBalancesAndHistory() {
        Loyalty loyalty = new Loyalty(as(newAccount("Claim and merge")));
        Api api = loyalty.api();
        String shop = loyalty.shop();
        String anonymous = api.postJson(PREFIX + "/contacts/anonymous", Map.of()).data().get("uuid").asString();
        String known = api.postJson(PREFIX + "/contacts", Map.of("email", "ada@example.com")).data().get("uuid").asString();
        loyalty.received(shop, anonymous, 25);
        loyalty.received(shop, known, 5);

        Api.Response claimed = api.putJson(PREFIX + "/contacts/" + anonymous + "/claim", Map.of("email", "ada@example.com"));
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        assertThat(claimed.data().get("uuid").asString()).isEqualTo(known);
        assertThat(claimed.data().get("credit_balance").get("balance").asLong()).isEqualTo(30);
        assertThat(loyalty.balance(known)).isEqualTo(30);
        assertThat(api.get(PREFIX + "/loyalty-transactions?contact_uuid=" + known).data()).hasSize(2);
        assertThat(loyalty.receive(shop, anonymous, 1).code()).as("the claimed contact is gone").isEqualTo(55031);

        String other = loyalty.newContact();
        loyalty.received(shop, other, 7);
        Api.Response merged = api.postJson(PREFIX + "/contacts/merge",
                Map.of("source_contact_uuid", other, "destination_contact_uuid", known));
        assertThat(merged.status()).as(merged.toString()).isLessThan(300);
        assertThat(loyalty.balance(known)).isEqualTo(37);
        assertThat(api.get(PREFIX + "/loyalty-transactions?contact_uuid=" + known).data()).hasSize(3);
        assertThat(loyalty.audit().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void gdprDeletionOverHttpErasesReceptionAttributes() {
        Loyalty loyalty = new Loyalty(as(newAccount("GDPR loyalty")));
        String contact = loyalty.newContact();
        loyalty.api().postJson(PREFIX + "/credit-receptions", Map.of("shop_uuid", loyalty.shop(), "contact_uuid", contact,
                "credits", 4, "customer_note", "Grace Hopper"));
        Api.Response deleted = loyalty.api().postJson(PREFIX + "/contacts/" + contact + "/delete", Map.of("type", "GDPR"));
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(db.sql("SELECT count(*) FROM loyalty_transaction_details WHERE attributes::text LIKE '%Hopper%'")
                .query(Long.class).single()).isZero();
        assertThat(db.sql("SELECT count(*) FROM loyalty_transactions WHERE contact_id = :c")
                .param("c", UUID.fromString(contact)).query(Long.class).single()).as("the ledger stays").isEqualTo(1);
        assertThat(loyalty.audit().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void erasureRemovesReceptionAttributesButKeepsTheLedger() {
        TestAccount account = newAccount("Erasure");
        AccountId id = new AccountId(UUID.fromString(account.uuid()));
        Loyalty loyalty = new Loyalty(as(account));
        String shop = loyalty.shop();
        String contact = loyalty.newContact();
        loyalty.api().postJson(PREFIX + "/credit-receptions", Map.of("shop_uuid", shop, "contact_uuid", contact,
                "credits", 4, "customer_name", "Ada Lovelace"));

        tx.executeWithoutResult(s -> erasureStep.erase(id, UUID.fromString(contact)));

        JsonNode row = loyalty.api().get(PREFIX + "/loyalty-transactions?contact_uuid=" + contact).data().get(0);
        assertThat(row.has("customer_name")).isFalse();
        assertThat(row.get("credits").asLong()).isEqualTo(4);
        assertThat(loyalty.balance(contact)).isEqualTo(4);
        assertThat(db.sql("SELECT count(*) FROM loyalty_transaction_details WHERE attributes::text LIKE '%Lovelace%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void ledgerRowsCannotBeUpdatedOrDeleted() {
        Loyalty loyalty = new Loyalty(as(newAccount("Append only")));
        String reception = loyalty.received(loyalty.shop(), loyalty.newContact(), 3);
        for (String sql : new String[]{"UPDATE loyalty_transactions SET credits = 300 WHERE id = :id",
                "DELETE FROM loyalty_transactions WHERE id = :id", "TRUNCATE loyalty_transactions CASCADE"}) {
            Throwable refused = null;
            try {
                tx.executeWithoutResult(s -> {
                    s.setRollbackOnly(); // should the trigger be missing, nothing is lost
                    db.sql(sql).paramSource(Map.of("id", UUID.fromString(reception))).update();
                });
            } catch (RuntimeException e) {
                refused = e;
            }
            assertThat(refused).as(sql).isNotNull().hasMessageContaining("append-only");
        }
        assertThat(loyalty.audit().get("consistent").asBoolean()).isTrue();
    }

    private void merge(AccountId account, String source, String destination) {
        tx.executeWithoutResult(s -> mergeStep.merge(account, UUID.fromString(source), UUID.fromString(destination)));
    }
}
