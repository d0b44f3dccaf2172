package io.piggy.loyalty;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

class LoyaltyProgramIT extends ApiIT {
    private static final String UNKNOWN = "0190d6b2-0000-7000-8000-000000000000";

    @Test
    void everyUnitHasARuleTheDefaultBeingOneCreditPerOneRoundedDown() {
        Api api = as(newAccount("Program rules"));
        JsonNode program = api.get(PREFIX + "/loyalty-program").data();
        assertThat(program.get("unit").get("name").asString()).isEqualTo("purchase_amount");
        assertThat(program.get("max_amount").isIntegralNumber()).as("the PHP SDK casts it to int").isTrue();
        assertThat(program.get("max_amount").asLong()).as("0: no maximum").isEqualTo(0);
        JsonNode rule = program.get("earning_rules").get(0);
        assertThat(rule.get("unit_name").asString()).isEqualTo("purchase_amount");
        assertThat(rule.get("shop_uuid").isNull()).isTrue();
        assertThat(rule.get("credits").asLong()).isEqualTo(1);
        assertThat(rule.get("unit_value").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(rule.get("rounding").asString()).isEqualTo("DOWN");
    }

    @Test
    void putSetsTheMaximumAndReplacesTheRules() {
        Api api = as(newAccount("Program put"));
        String shop = new Loyalty(api).shop();
        Api.Response put = api.form("PUT", PREFIX + "/loyalty-program", List.of(field("max_amount", "500"),
                field("earning_rules[0][unit_name]", "purchase_amount"), field("earning_rules[0][credits]", "2"),
                field("earning_rules[1][unit_name]", "purchase_amount"), field("earning_rules[1][shop_uuid]", shop),
                field("earning_rules[1][credits]", "1"), field("earning_rules[1][unit_value]", "5"),
                field("earning_rules[1][rounding]", "half_up")));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.data().get("max_amount").asLong()).isEqualTo(500);
        JsonNode rules = put.data().get("earning_rules");
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).get("credits").asLong()).isEqualTo(2);
        assertThat(rules.get(1).get("shop_uuid").asString()).isEqualTo(shop);
        assertThat(rules.get(1).get("rounding").asString()).isEqualTo("HALF_UP");
        assertThat(api.get(PREFIX + "/loyalty-program").data()).isEqualTo(put.data());

        Api.Response onlyMax = api.putJson(PREFIX + "/loyalty-program", java.util.Collections.singletonMap("max_amount", null));
        assertThat(onlyMax.data().get("max_amount").isIntegralNumber()).isTrue();
        assertThat(onlyMax.data().get("max_amount").asLong()).as("null removes the maximum: shown as 0").isEqualTo(0);
        assertThat(onlyMax.data().get("earning_rules")).as("rules left out stay").hasSize(2);
        Api.Response reset = api.putJson(PREFIX + "/loyalty-program", Map.of("earning_rules", List.of()));
        assertThat(reset.data().get("earning_rules")).hasSize(1);
        assertThat(reset.data().get("earning_rules").get(0).get("credits").asLong()).isEqualTo(1);
    }

    @Test
    void invalidSettingsChangeNothing() {
        Api api = as(newAccount("Program errors"));
        JsonNode before = api.get(PREFIX + "/loyalty-program").data();
        assertThat(put(api, Map.of("max_amount", -5)).code()).isEqualTo(1003);
        assertThat(put(api, Map.of("max_amount", "lots")).code()).isEqualTo(1003);
        assertThat(put(api, Map.of("earning_rules", List.of(Map.of("unit_name", "stamps", "credits", 1)))).code())
                .isEqualTo(60007);
        assertThat(put(api, Map.of("earning_rules", List.of(Map.of("unit_name", "purchase_amount", "credits", 1,
                "shop_uuid", UNKNOWN)))).code()).isEqualTo(1008);
        assertThat(put(api, Map.of("earning_rules", List.of(Map.of("unit_name", "purchase_amount")))).code()).isEqualTo(1003);
        assertThat(put(api, Map.of("earning_rules", List.of(Map.of("unit_name", "purchase_amount", "credits", 1,
                "unit_value", 0)))).code()).isEqualTo(1003);
        assertThat(put(api, Map.of("earning_rules", List.of(Map.of("unit_name", "purchase_amount", "credits", 1,
                "rounding", "SIDEWAYS")))).code()).isEqualTo(1003);
        assertThat(put(api, Map.of("max_amount", 10, "earning_rules", List.of(
                Map.of("unit_name", "purchase_amount", "credits", 1), Map.of("unit_name", "purchase_amount", "credits", 2))))
                .code()).as("two rules for one unit and shop").isEqualTo(1003);
        assertThat(api.get(PREFIX + "/loyalty-program").data()).isEqualTo(before);
    }

    private static Api.Response put(Api api, Map<String, Object> body) {
        return api.putJson(PREFIX + "/loyalty-program", body);
    }
}
