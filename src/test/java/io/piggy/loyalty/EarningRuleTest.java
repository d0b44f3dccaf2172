package io.piggy.loyalty;

import io.piggy.shared.api.ApiException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EarningRuleTest {
    private static final UUID UNIT = UUID.randomUUID();

    private static long credits(long credits, String per, Rounding rounding, String value) {
        return new EarningRule(UNIT, null, credits, new BigDecimal(per), rounding).creditsFor(new BigDecimal(value));
    }

    @Test
    void theDefaultIsOneCreditPerOneRoundedDown() {
        EarningRule rule = EarningRule.defaultFor(UNIT);
        assertThat(rule.creditsFor(new BigDecimal("10.99"))).isEqualTo(10);
        assertThat(rule.creditsFor(new BigDecimal("0.99"))).isZero();
        assertThat(rule.creditsFor(BigDecimal.ZERO)).isZero();
    }

    @Test
    void roundingModes() {
        assertThat(credits(3, "2.00", Rounding.DOWN, "10.33")).isEqualTo(15);    // 15.495
        assertThat(credits(3, "2.00", Rounding.UP, "10.33")).isEqualTo(16);
        assertThat(credits(3, "2.00", Rounding.HALF_UP, "10.33")).isEqualTo(15);
        assertThat(credits(1, "2", Rounding.HALF_UP, "5")).isEqualTo(3);          // 2.5 rounds up
        assertThat(credits(1, "3", Rounding.DOWN, "9")).as("exact, no binary fractions").isEqualTo(3);
        assertThat(credits(10, "0.01", Rounding.DOWN, "1.23")).isEqualTo(1230);
    }

    @Test
    void anAbsurdValueIsInvalidInputNotAnOverflow() {
        assertThatThrownBy(() -> credits(1000, "0.0001", Rounding.DOWN, "99999999999999999"))
                .isInstanceOf(ApiException.class);
    }
}
