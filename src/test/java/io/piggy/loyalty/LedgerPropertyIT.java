package io.piggy.loyalty;

import io.piggy.support.Api;
import io.piggy.support.TestApps;
import io.piggy.support.TestDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of receptions (negative ones too), reversals, reward receptions (physical, and
 * digital from a pool of codes), their reversals, collections, contact merges and claims of
 * anonymous contacts, run over HTTP against a model. After every step: every
 * operation had the predicted outcome, each contact's balance equals the sum of its ledger
 * history, no balance is negative, a rejected operation changed nothing, credits issued minus
 * credits spent equal the sum of all balances, and the audit finds no difference. On failure
 * jqwik reports the seed and the (shrunk) operation list; the message names the failing step.
 */
class LedgerPropertyIT {
    /** Contacts with an email; after them, ANONYMOUS anonymous ones, which a claim can merge or name. */
    private static final int CONTACTS = 3;
    private static final int ANONYMOUS = 2;
    /** price, stock (-1: unlimited), limit per contact (-1: none); the last is DIGITAL, its stock a pool of codes */
    private static final long[][] REWARDS = {{4, -1, -1}, {9, 2, -1}, {2, -1, 1}, {3, 2, -1}};
    private static final int DIGITAL = 3;
    private static ConfigurableApplicationContext app;
    private static Api admin;

    @BeforeContainer
    static void start() throws Exception {
        app = TestApps.start(Map.of(
                "server.port", "0",
                "piggy.database.url", TestDatabase.newDatabase(),
                "piggy.data-dir", Files.createTempDirectory("piggy-ledger-property").toString(),
                "piggy.admin-token", "ledger-property-admin"));
        admin = TestApps.api(app, "ledger-property-admin");
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    sealed interface Op {
        record Receive(int contact, long credits) implements Op {
        }

        record Reverse(int reception) implements Op {
        }

        record Claim(int contact, int reward) implements Op {
        }

        record ReverseClaim(int claim) implements Op {
        }

        record Merge(int source, int destination) implements Op {
        }

        record Collect(int claim) implements Op {
        }

        /** Claims anonymous contact {@code anonymous} with the email of contact {@code target}, or a new one (-1). */
        record ClaimContact(int anonymous, int target) implements Op {
        }
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Integer> contact = Arbitraries.integers().between(0, CONTACTS + ANONYMOUS - 1);
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 40);
        Arbitrary<Op> receive = Combinators.combine(contact, Arbitraries.longs().between(-20, 50)).as(Op.Receive::new);
        Arbitrary<Op> claim = Combinators.combine(contact, Arbitraries.integers().between(0, REWARDS.length - 1))
                .as(Op.Claim::new);
        Arbitrary<Op> merge = Combinators.combine(contact, contact).as(Op.Merge::new);
        Arbitrary<Op> claimContact = Combinators.combine(Arbitraries.integers().between(CONTACTS, CONTACTS + ANONYMOUS - 1),
                Arbitraries.integers().between(-1, CONTACTS + ANONYMOUS - 1)).as(Op.ClaimContact::new);
        return Arbitraries.frequencyOf(
                Tuple.of(6, receive),
                Tuple.of(2, index.map(Op.Reverse::new)),
                Tuple.of(4, claim),
                Tuple.of(2, index.map(Op.ReverseClaim::new)),
                Tuple.of(2, merge),
                Tuple.of(2, claimContact),
                Tuple.of(2, index.map(Op.Collect::new))).list().ofMinSize(8).ofMaxSize(30);
    }

    @Property(tries = 12, shrinking = ShrinkingMode.BOUNDED)
    void theLedgerStaysExact(@ForAll("operations") List<Op> ops) {
        World world = new World();
        for (int step = 0; step < ops.size(); step++) {
            try {
                world.apply(ops.get(step));
                world.check();
            } catch (AssertionError e) {
                throw new AssertionError("Step " + step + " (" + ops.get(step) + ") of " + ops + ": " + e.getMessage(), e);
            }
        }
    }

    /** One fresh account, its contacts and rewards, and the model of what they should hold. */
    private static final class World {
        final Api api;
        final Loyalty loyalty;
        final String shop;
        final List<String> contacts = new ArrayList<>();
        /** Real emails; an anonymous contact has none until a claim names it. */
        final Map<String, String> email = new HashMap<>();
        int newEmails;
        final List<String> rewards = new ArrayList<>();
        final Map<String, Long> balance = new HashMap<>();
        final Map<String, String> mergedInto = new HashMap<>();
        final List<Row> receptions = new ArrayList<>();
        final List<Row> claims = new ArrayList<>();
        final long[] stock = new long[REWARDS.length];

        /** A ledger row the model tracks: who made it, its credits, and whether it was reversed. */
        static final class Row {
            final String uuid;
            final String contact;
            final long credits;
            final int reward;
            boolean reversed;
            boolean collected;

            Row(String uuid, String contact, long credits, int reward) {
                this.uuid = uuid;
                this.contact = contact;
                this.credits = credits;
                this.reward = reward;
            }
        }

        World() {
            Api.Response created = admin.postJson("/api/admin/accounts", Map.of("name", "Ledger property"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            api = admin.as(created.data().get("access_token").asString());
            loyalty = new Loyalty(api);
            shop = loyalty.shop();
            for (int i = 0; i < CONTACTS + ANONYMOUS; i++) {
                String address = "contact-" + i + "@example.com";
                Api.Response made = i < CONTACTS ? api.postJson(PREFIX + "/contacts", Map.of("email", address))
                        : api.postJson(PREFIX + "/contacts/anonymous", Map.of());
                assertThat(made.status()).as(made.toString()).isEqualTo(200);
                String contact = made.data().get("uuid").asString();
                contacts.add(contact);
                if (i < CONTACTS) {
                    email.put(contact, address);
                }
                balance.put(contact, 0L);
                receive(contact, 20); // something to spend from the start
            }
            for (int i = 0; i < REWARDS.length; i++) {
                Map<String, Object> extra = new HashMap<>();
                if (i == DIGITAL) {
                    extra.put("type", "DIGITAL");
                } else if (REWARDS[i][1] >= 0) {
                    extra.put("stock", REWARDS[i][1]);
                }
                if (REWARDS[i][2] >= 0) {
                    extra.put("limit_per_contact", REWARDS[i][2]);
                }
                rewards.add(loyalty.newReward(REWARDS[i][0], extra));
                stock[i] = REWARDS[i][1];
                if (i == DIGITAL) {
                    List<String> codes = new ArrayList<>();
                    for (int c = 0; c < REWARDS[i][1]; c++) {
                        codes.add("CODE-" + c);
                    }
                    Api.Response added = api.postJson(PREFIX + "/rewards/" + rewards.get(i) + "/codes", Map.of("codes", codes));
                    assertThat(added.status()).as(added.toString()).isEqualTo(200);
                }
            }
        }

        String root(String contact) {
            String c = contact;
            while (mergedInto.containsKey(c)) {
                c = mergedInto.get(c);
            }
            return c;
        }

        void apply(Op op) {
            if (op instanceof Op.Receive r) {
                receive(contacts.get(r.contact()), r.credits());
            } else if (op instanceof Op.Reverse r && !receptions.isEmpty()) {
                reverse(receptions.get(r.reception() % receptions.size()));
            } else if (op instanceof Op.Claim c) {
                claim(contacts.get(c.contact()), c.reward());
            } else if (op instanceof Op.ReverseClaim c && !claims.isEmpty()) {
                reverseClaim(claims.get(c.claim() % claims.size()));
            } else if (op instanceof Op.Merge m) {
                merge(contacts.get(m.source()), contacts.get(m.destination()));
            } else if (op instanceof Op.Collect c && !claims.isEmpty()) {
                collect(claims.get(c.claim() % claims.size()));
            } else if (op instanceof Op.ClaimContact c) {
                claimContact(contacts.get(c.anonymous()), c.target() < 0 ? null : contacts.get(c.target()));
            }
        }

        void receive(String contact, long credits) {
            Integer expected = gone(contact) ? Integer.valueOf(55031)
                    : balance.get(contact) + credits < 0 ? Integer.valueOf(1017) : null;
            Api.Response r = outcome(loyalty.receive(shop, contact, credits), expected);
            if (expected == null) {
                balance.merge(contact, credits, Long::sum);
                receptions.add(new Row(r.data().get("uuid").asString(), contact, credits, -1));
            }
        }

        void reverse(Row reception) {
            String owner = root(reception.contact);
            Integer expected = reception.reversed ? Integer.valueOf(1410)
                    : balance.get(owner) - reception.credits < 0 ? Integer.valueOf(1017) : null;
            outcome(loyalty.reverseCredits(reception.uuid), expected);
            if (expected == null) {
                reception.reversed = true;
                balance.merge(owner, -reception.credits, Long::sum);
            }
        }

        void claim(String contact, int reward) {
            long price = REWARDS[reward][0];
            long limit = REWARDS[reward][2];
            long open = claims.stream().filter(c -> !c.reversed && c.reward == reward && root(c.contact).equals(contact))
                    .count();
            Integer expected;
            if (stock[reward] == 0) {
                expected = 1018;
            } else if (gone(contact)) {
                expected = 55031;
            } else if (limit >= 0 && open >= limit) {
                expected = 1019;
            } else if (balance.get(contact) < price) {
                expected = 1017;
            } else {
                expected = null;
            }
            Api.Response r = outcome(loyalty.claim(shop, contact, rewards.get(reward)), expected);
            if (expected == null && reward == DIGITAL) {
                assertThat(r.data().get("digital_reward_code").get("code").asString()).as("a code of the pool")
                        .isEqualTo("CODE-" + (REWARDS[DIGITAL][1] - stock[DIGITAL]));
            }
            if (expected == null) {
                balance.merge(contact, -price, Long::sum);
                if (stock[reward] > 0) {
                    stock[reward]--;
                }
                claims.add(new Row(r.data().get("uuid").asString(), contact, -price, reward));
            }
        }

        /** Credits come back; stock too, except a handed-out code, which is burned. */
        void reverseClaim(Row claim) {
            Integer expected = claim.reversed ? Integer.valueOf(1410) : claim.collected ? Integer.valueOf(80300) : null;
            outcome(loyalty.reverseReward(claim.uuid), expected);
            if (expected == null) {
                claim.reversed = true;
                balance.merge(root(claim.contact), -claim.credits, Long::sum);
                if (stock[claim.reward] >= 0 && claim.reward != DIGITAL) {
                    stock[claim.reward]++;
                }
            }
        }

        /** Physical rewards are collected once and then never reversed; digital ones are not collectable. */
        void collect(Row claim) {
            Integer expected = claim.reward == DIGITAL ? Integer.valueOf(6003)
                    : claim.reversed || claim.collected ? Integer.valueOf(80300) : null;
            outcome(api.putJson(PREFIX + "/collectable-rewards/collect/" + claim.uuid, Map.of()), expected);
            if (expected == null) {
                claim.collected = true;
            }
        }

        /** POST /contacts/merge: two different live contacts, or 1003 / 55031. */
        void merge(String source, String destination) {
            Integer expected = source.equals(destination) ? Integer.valueOf(1003)
                    : gone(source) || gone(destination) ? Integer.valueOf(55031) : null;
            Api.Response r = outcome(api.postJson(PREFIX + "/contacts/merge",
                    Map.of("source_contact_uuid", source, "destination_contact_uuid", destination)), expected);
            if (expected == null) {
                merged(source, destination);
                assertAnswered(r, destination);
            }
        }

        /**
         * PUT /contacts/{anonymous}/claim with the email of {@code target} (or a new one when null), as
         * ContactMerger: a live contact with that email absorbs the anonymous one; otherwise the anonymous
         * contact takes the email. A claim repeated on a merged contact answers the contact it went into
         * when the email is that contact's; on a named one, when the email is its own.
         */
        void claimContact(String anonymous, String target) {
            String address = target == null ? "new-" + ++newEmails + "@example.com" : email.get(target);
            if (address == null) {
                return; // the target is an anonymous contact itself: it has no email to claim with
            }
            String survivor = contacts.stream().filter(c -> !gone(c) && address.equals(email.get(c))).findFirst().orElse(null);
            Integer expected;
            String answer;
            if (gone(anonymous)) {
                answer = root(anonymous);
                expected = address.equals(email.get(answer)) ? null : Integer.valueOf(55031);
            } else if (email.containsKey(anonymous)) {
                answer = anonymous;
                expected = address.equals(email.get(anonymous)) ? null : Integer.valueOf(60016);
            } else {
                answer = survivor == null ? anonymous : survivor;
                expected = null;
            }
            Api.Response r = outcome(api.putJson(PREFIX + "/contacts/" + anonymous + "/claim", Map.of("email", address)),
                    expected);
            if (expected == null && !gone(anonymous) && !email.containsKey(anonymous)) {
                if (survivor == null) {
                    email.put(anonymous, address);
                } else {
                    merged(anonymous, survivor);
                }
                Statistics.label("contact claims").collect(survivor == null ? "named" : "merged");
            }
            if (expected == null) {
                assertAnswered(r, answer);
            }
        }

        boolean gone(String contact) {
            return mergedInto.containsKey(contact);
        }

        private void merged(String source, String destination) {
            balance.merge(destination, balance.get(source), Long::sum);
            balance.put(source, 0L);
            mergedInto.put(source, destination);
            Statistics.label("merges").collect(mergedInto.containsValue(source) ? "chained" : "simple");
        }

        /** A merge or claim answers the surviving contact, with the balance the model gives it. */
        private void assertAnswered(Api.Response r, String contact) {
            assertThat(r.data().get("uuid").asString()).as(r.toString()).isEqualTo(contact);
            assertThat(r.data().get("credit_balance").get("balance").asLong()).as(r.toString())
                    .isEqualTo(balance.get(contact));
        }

        /** Asserts the predicted outcome (null: success) and that a rejection changed nothing. */
        private Api.Response outcome(Api.Response response, Integer expectedCode) {
            Statistics.label("outcomes").collect(expectedCode == null ? "ok" : expectedCode);
            if (expectedCode == null) {
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
            } else {
                assertThat(response.status()).as(response.toString()).isBetween(400, 499);
                assertThat(response.code()).as(response.toString()).isEqualTo(expectedCode);
            }
            return response;
        }

        void check() {
            long sumOfBalances = 0;
            for (String contact : contacts) {
                if (gone(contact)) {
                    assertThat(api.get(PREFIX + "/contacts/" + contact + "/credit-balance").code())
                            .as("a merged contact is gone").isEqualTo(55031);
                    assertThat(api.get(PREFIX + "/loyalty-transactions?contact_uuid=" + contact).code())
                            .as("a merged contact's history is listed under the contact it went into").isEqualTo(55031);
                    continue;
                }
                long actual = loyalty.balance(contact);
                assertThat(actual).as("balance of " + contact).isEqualTo(balance.get(contact)).isNotNegative();
                assertThat(sum(PREFIX + "/loyalty-transactions?limit=100&contact_uuid=" + contact))
                        .as("balance of " + contact + " = sum of its ledger history").isEqualTo(actual);
                sumOfBalances += actual;
            }
            long issued = sum(PREFIX + "/loyalty-transactions?limit=100&type=credit_receptions");
            long spent = -sum(PREFIX + "/loyalty-transactions?limit=100&type=reward_receptions");
            assertThat(issued - spent).as("issued - spent = sum of balances").isEqualTo(sumOfBalances);
            for (int i = 0; i < REWARDS.length; i++) {
                JsonNode reward = api.get(PREFIX + "/rewards/" + rewards.get(i)).data();
                if (stock[i] >= 0) {
                    assertThat(reward.get("stock").asLong()).as("stock of reward " + i).isEqualTo(stock[i]);
                }
            }
            JsonNode audit = loyalty.audit();
            assertThat(audit.get("consistent").asBoolean()).as(audit.toString()).isTrue();
        }

        private long sum(String path) {
            Api.Response r = api.get(path);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().get("meta").get("total").asLong()).as("fits one page").isLessThanOrEqualTo(100);
            return r.data().valueStream().mapToLong(t -> t.get("credits").asLong()).sum();
        }
    }
}
