package io.piggy.shared.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpConcurrencyTest {
    @Test
    void twoPerCoreAndNeverFewerThanFour() {
        assertThat(HttpConcurrency.defaultLimit(1)).isEqualTo(4);
        assertThat(HttpConcurrency.defaultLimit(2)).isEqualTo(4);
        assertThat(HttpConcurrency.defaultLimit(8)).isEqualTo(16);
    }
}
