package io.piggy.shared.api;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlEncodedFieldsTest {
    private static final RequestLimits LIMITS = new RequestLimits(DataSize.ofMegabytes(1), Duration.ofSeconds(30),
            5, 64, 16, 20);

    private static List<Map.Entry<String, String>> parse(String raw) {
        return UrlEncodedFields.parse(raw, LIMITS);
    }

    @Test
    void decodesEscapesAndPlusSigns() {
        assertThat(parse("email=ada%40example.com&name=Ada+Lovelace&city=K%C3%B6ln"))
                .containsExactly(Map.entry("email", "ada@example.com"), Map.entry("name", "Ada Lovelace"),
                        Map.entry("city", "Köln"));
    }

    @Test
    void anInvalidEscapeStaysAsWrittenAsInPhp() {
        assertThat(parse("d=10% off&e=50%off&f=%&g=%Z1&h=%4")).containsExactly(Map.entry("d", "10% off"),
                Map.entry("e", "50%off"), Map.entry("f", "%"), Map.entry("g", "%Z1"), Map.entry("h", "%4"));
        assertThat(parse("k=%E2%82")).as("bytes that are not UTF-8").containsExactly(Map.entry("k", "\uFFFD"));
        assertThat(parse("a=%\u0663\u0663")).as("hex digits are ASCII only").containsExactly(Map.entry("a", "%\u0663\u0663"));
    }

    @Test
    void namelessAndEmptyPiecesAreDropped() {
        assertThat(parse("=x&&a&b=&=")).containsExactly(Map.entry("a", ""), Map.entry("b", ""));
        assertThat(parse("")).isEmpty();
        assertThat(parse(null)).isEmpty();
    }

    @Test
    void pastTheLimitsIsAnInvalidInput() {
        assertThatThrownBy(() -> parse("a=1&b=2&c=3&d=4&e=5&f=6")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> parse("k".repeat(17) + "=1")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> parse("k=" + "v".repeat(21))).isInstanceOf(ApiException.class);
        assertThat(parse("k".repeat(16) + "=" + "v".repeat(20))).hasSize(1);
    }
}
