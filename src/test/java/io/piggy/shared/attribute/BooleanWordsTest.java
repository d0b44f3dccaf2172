package io.piggy.shared.attribute;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BooleanWordsTest {
    @Test
    void theWordsForTrueAndFalse() {
        for (String yes : new String[]{"true", "1", "yes", "on", " TRUE ", "Yes", "ON"}) {
            assertThat(BooleanWords.parse(yes)).as(yes).contains(true);
        }
        for (String no : new String[]{"false", "0", "no", "off", " False", "NO", "Off "}) {
            assertThat(BooleanWords.parse(no)).as(no).contains(false);
        }
        for (String neither : new String[]{"", " ", "2", "y", "n", "null", "truee"}) {
            assertThat(BooleanWords.parse(neither)).as(neither).isEmpty();
        }
        assertThat(BooleanWords.parse(null)).isEqualTo(Optional.empty());
    }
}
