package io.piggy.shared.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PhpFormDecoderTest {

    private static Map<String, Object> decode(String... pairs) {
        List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.add(Map.entry(pairs[i], pairs[i + 1]));
        }
        return PhpFormDecoder.decode(fields, 64);
    }

    @Test
    void flatFields() {
        assertThat(decode("email", "a@b.c", "name", "Ada")).isEqualTo(Map.of("email", "a@b.c", "name", "Ada"));
    }

    @Test
    void bracketKeysBuildMaps() {
        assertThat(decode("attributes[firstname]", "Ada", "attributes[lastname]", "Lovelace"))
                .isEqualTo(Map.of("attributes", Map.of("firstname", "Ada", "lastname", "Lovelace")));
    }

    @Test
    void indexedKeysBuildListsOfMaps() {
        assertThat(decode("options[0][label]", "Blue", "options[0][value]", "1", "options[1][label]", "Red"))
                .isEqualTo(Map.of("options", List.of(Map.of("label", "Blue", "value", "1"), Map.of("label", "Red"))));
    }

    @Test
    void theBodyStaysAnObjectAndNamelessFieldsAreDropped() {
        assertThat(decode("0", "a", "1", "b")).isEqualTo(Map.of("0", "a", "1", "b"));
        assertThat(decode("", "x", "email", "a@b.c")).isEqualTo(Map.of("email", "a@b.c"));
        assertThat(decode("[]", "x")).isEqualTo(Map.of("[]", "x"));
    }

    @Test
    void emptyBracketsAppend() {
        assertThat(decode("tags[]", "a", "tags[]", "b")).isEqualTo(Map.of("tags", List.of("a", "b")));
    }

    @Test
    void sparseIndexesStayAMap() {
        assertThat(decode("x[1]", "a", "x[5]", "b")).isEqualTo(Map.of("x", Map.of("1", "a", "5", "b")));
    }

    @Test
    void malformedBracketsAreTakenAsPlainKeys() {
        assertThat(decode("a[b", "1", "[c]", "2", "d]e[", "3"))
                .isEqualTo(Map.of("a[b", "1", "[c]", "2", "d]e[", "3"));
    }

    @Test
    void laterValuesWin() {
        assertThat(decode("a", "1", "a", "2")).isEqualTo(Map.of("a", "2"));
    }

    @Test
    void aKeyDeeperThanTheLimitIsRefusedAndAppendingStaysLinear() {
        List<Map.Entry<String, String>> deep = List.of(Map.entry("a" + "[b]".repeat(5), "1"));
        assertThat(PhpFormDecoder.decode(deep, 5)).containsKey("a");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PhpFormDecoder.decode(deep, 4))
                .isInstanceOf(ApiException.class);
        List<Map.Entry<String, String>> appends = new java.util.ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            appends.add(Map.entry("tags[]", String.valueOf(i)));
        }
        List<?> tags = (List<?>) PhpFormDecoder.decode(appends, 64).get("tags");
        assertThat(tags).hasSize(100_000);
        assertThat(tags.get(99_999)).isEqualTo("99999");
        assertThat(decode("x[5]", "a", "x[]", "b")).as("appends go after the highest index, as in PHP")
                .isEqualTo(Map.of("x", Map.of("5", "a", "6", "b")));
    }
}
