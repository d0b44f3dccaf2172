package io.piggy.loyalty;

import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.WholeNumbers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WholeNumbersTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void wholeNumbersOnly() {
        assertThat(WholeNumbers.of("credits", new BigDecimal("12"))).isEqualTo(12);
        assertThat(WholeNumbers.of("credits", new BigDecimal("12.000"))).isEqualTo(12);
        assertThat(WholeNumbers.of("credits", new BigDecimal("-3"))).isEqualTo(-3);
        assertThat(WholeNumbers.of("credits", null)).isNull();
        assertThatThrownBy(() -> WholeNumbers.of("credits", new BigDecimal("1.5"))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> WholeNumbers.of("credits", new BigDecimal("1e30"))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> WholeNumbers.atLeast("stock", new BigDecimal("-1"), 0)).isInstanceOf(ApiException.class);
    }

    @Test
    void removableSettings() {
        assertThat(WholeNumbers.removable("stock", JSON.readTree("null"), 0)).isNull();
        assertThat(WholeNumbers.removable("stock", JSON.readTree("\"\""), 0)).isNull();
        assertThat(WholeNumbers.removable("stock", JSON.readTree("\"7\""), 0)).isEqualTo(7);
        assertThat(WholeNumbers.removable("stock", JSON.readTree("7"), 0)).isEqualTo(7);
        assertThatThrownBy(() -> WholeNumbers.removable("stock", JSON.readTree("\"many\""), 0))
                .isInstanceOf(ApiException.class);
        for (String notANumber : new String[]{"[]", "[7]", "{}", "true"}) {
            assertThatThrownBy(() -> WholeNumbers.removable("stock", JSON.readTree(notANumber), 0))
                    .as(notANumber).isInstanceOf(ApiException.class);
        }
    }

    @Test
    void customAttributesCannotTakeTheObjectsOwnNames() {
        assertThat(CustomAttributes.of(Map.of("plu", "A1"), Set.of("uuid"))).containsEntry("plu", "A1");
        assertThat(CustomAttributes.of(null, Set.of())).isEmpty();
        assertThatThrownBy(() -> CustomAttributes.of(Map.of("uuid", "x"), Set.of("uuid")))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> CustomAttributes.of(Map.of("x".repeat(65), "x"), Set.of()))
                .isInstanceOf(ApiException.class);
    }
}
