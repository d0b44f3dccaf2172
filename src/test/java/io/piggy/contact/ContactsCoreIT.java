package io.piggy.contact;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

class ContactsCoreIT extends ApiIT {

    @Test
    void createGetAndFindByEmailCaseInsensitively() {
        Api api = as(newAccount("Contacts core"));
        Api.Response created = api.postJson(PREFIX + "/contacts", Map.of("email", "Ada@Example.com"));
        assertThat(created.status()).isEqualTo(200);
        String uuid = created.data().get("uuid").asString();
        assertThat(created.data().get("credit_balance").get("balance").asLong()).isZero();
        assertThat(created.data().get("current_values").get("is_anonymous").asBoolean()).isFalse();

        assertThat(api.get(PREFIX + "/contacts/" + uuid).data().get("email").asString()).isEqualTo("Ada@Example.com");
        assertThat(api.get(PREFIX + "/contacts/find-one-by?email=ada%40example.COM").data().get("uuid").asString())
                .isEqualTo(uuid);

        Api.Response duplicate = api.postJson(PREFIX + "/contacts", Map.of("email", "ADA@example.com"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo(60005);
    }

    @Test
    void errors() {
        Api api = as(newAccount("Contacts errors"));
        Api.Response unknown = api.get(PREFIX + "/contacts/0190d6b2-0000-7000-8000-000000000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(55031);
        assertThat(api.get(PREFIX + "/contacts/find-one-by?email=nobody%40example.com").code()).isEqualTo(55031);
        Api.Response badEmail = api.postJson(PREFIX + "/contacts", Map.of("email", "not-an-email"));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().get("errors").has("email")).isTrue();
        assertThat(api.get(PREFIX + "/contacts/find-or-create?email=bad").code()).isEqualTo(1003);
        assertThat(api.get(PREFIX + "/contacts/find-or-create").code()).isEqualTo(1003);
    }

    @Test
    void anotherAccountsContactIsInvisible() {
        Api alice = as(newAccount("Contacts A"));
        Api bob = as(newAccount("Contacts B"));
        String uuid = alice.postJson(PREFIX + "/contacts", Map.of("email", "shared@example.com")).data().get("uuid").asString();
        assertThat(bob.get(PREFIX + "/contacts/" + uuid).code()).isEqualTo(55031);
        assertThat(bob.get(PREFIX + "/contacts/find-one-by?email=shared%40example.com").code()).isEqualTo(55031);
        assertThat(bob.postJson(PREFIX + "/contacts", Map.of("email", "shared@example.com")).status())
                .as("emails are unique per account, not globally").isEqualTo(200);
    }

    @Test
    void findOrCreateIsRaceSafe() throws Exception {
        Api api = as(newAccount("Contacts race"));
        String email = URLEncoder.encode("race@example.com", StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<Callable<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                calls.add(() -> api.get(PREFIX + "/contacts/find-or-create?email=" + email));
            }
            Set<String> uuids = new HashSet<>();
            for (Future<Api.Response> f : pool.invokeAll(calls)) {
                Api.Response r = f.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                uuids.add(r.data().get("uuid").asString());
            }
            assertThat(uuids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
