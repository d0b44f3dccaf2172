package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.contact.ContactErasureStep;
import io.piggy.contact.ContactMergeStep;
import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loyalty share of claim/merge and of GDPR erasure, called as the contact feature will call
 * it (inside its transaction); the results are checked over HTTP. The end-to-end claim and merge
 * endpoints belong to the contact feature and are tested there once both have landed.
 */
class ContactMergeAndErasureIT extends ApiIT {
    @Autowired
    ContactMergeStep mergeStep;
    @Autowired
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
