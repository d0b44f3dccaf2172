package io.piggy.account;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

class ShopsAndUnitsIT extends ApiIT {

    @Test
    void createAndGetShops() {
        TestAccount account = newAccount("Shops");
        Api.Response created = as(account).postJson(PREFIX + "/shops", Map.of("name", "Web shop", "type", "web"));
        assertThat(created.status()).isEqualTo(200);
        String uuid = created.data().get("uuid").asString();
        assertThat(created.data().get("id").isIntegralNumber()).isTrue();

        Api.Response fetched = as(account).get(PREFIX + "/shops/" + uuid);
        assertThat(fetched.data().get("name").asString()).isEqualTo("Web shop");
        assertThat(fetched.data().get("type").asString()).isEqualTo("web");
        assertThat(as(account).get(PREFIX + "/shops").data()).hasSize(2);
    }

    @Test
    void shopErrors() {
        TestAccount account = newAccount("Shop errors");
        Api.Response unknown = as(account).get(PREFIX + "/shops/0190d6b2-0000-7000-8000-000000000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(1008);

        Api.Response badType = as(account).postJson(PREFIX + "/shops", Map.of("name", "X", "type", "moon"));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.code()).isEqualTo(1003);
        assertThat(badType.json().get("errors").has("type")).isTrue();

        Api.Response missing = as(account).postJson(PREFIX + "/shops", Map.of());
        assertThat(missing.json().get("errors").has("name")).isTrue();
        assertThat(missing.json().get("errors").has("type")).isTrue();
        assertThat(as(account).get(PREFIX + "/shops").data()).as("nothing was created").hasSize(1);
    }

    @Test
    void createUnitsAndSwitchTheDefault() {
        TestAccount account = newAccount("Units");
        Api.Response created = as(account).form("POST", PREFIX + "/units",
                List.of(field("name", "calories"), field("label", "Calories"), field("is_default", "yes")));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.data().get("name").asString()).isEqualTo("calories");
        assertThat(created.data().get("prefix").asString()).as("prefix defaults to the label's first character").isEqualTo("C");
        assertThat(created.data().get("is_default").asBoolean()).isTrue();

        List<String> defaults = as(account).get(PREFIX + "/units").data().valueStream()
                .filter(u -> u.get("is_default").asBoolean()).map(u -> u.get("name").asString()).toList();
        assertThat(defaults).containsExactly("calories");
        assertThat(as(account).get(PREFIX + "/loyalty-program").data().get("unit").get("name").asString())
                .isEqualTo("calories");
    }

    @Test
    void duplicateUnitIsRefusedAndChangesNothing() {
        TestAccount account = newAccount("Unit duplicates");
        Api.Response duplicate = as(account).postJson(PREFIX + "/units",
                Map.of("name", "purchase_amount", "label", "Again", "is_default", false));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo(55045);

        Api.Response duplicateDefault = as(account).postJson(PREFIX + "/units",
                Map.of("name", "purchase_amount", "label", "Again", "is_default", true));
        assertThat(duplicateDefault.code()).isEqualTo(55045);
        Api.Response units = as(account).get(PREFIX + "/units");
        assertThat(units.data()).hasSize(1);
        assertThat(units.data().get(0).get("is_default").asBoolean()).as("the failed call did not unset the default").isTrue();
        assertThat(units.data().get(0).get("label").asString()).isEqualTo("Purchase amount");
    }

    @Test
    void unitValidation() {
        TestAccount account = newAccount("Unit validation");
        Api.Response bad = as(account).postJson(PREFIX + "/units", Map.of("name", "Bad Name!", "is_default", "maybe"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo(1003);
        assertThat(bad.json().get("errors").has("is_default") || bad.json().get("errors").has("name")).isTrue();

        Api.Response noLabel = as(account).postJson(PREFIX + "/units", Map.of("name", "stamps"));
        assertThat(noLabel.json().get("errors").has("label")).isTrue();
    }

    @Test
    void loyaltyProgram() {
        TestAccount account = newAccount("Program");
        Api.Response program = as(account).get(PREFIX + "/loyalty-program");
        assertThat(program.status()).isEqualTo(200);
        assertThat(program.data().get("id").isIntegralNumber()).isTrue();
        assertThat(program.data().get("name").asString()).isNotBlank();
        assertThat(program.data().get("unit").get("name").asString()).isEqualTo("purchase_amount");
        assertThat(program.data().has("max_amount")).isTrue();
    }

    @Test
    void pingAnswersWithAValidToken() {
        TestAccount account = newAccount("Ping");
        Api.Response ping = as(account).get(PREFIX);
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.data().get("account_uuid").asString()).isEqualTo(account.uuid());
    }
}
