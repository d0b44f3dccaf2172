package io.piggy.voucher;

import io.piggy.shared.api.ApiException;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeFormatTest {
    private static CodeOptions options(Integer length, String charset, String prefix, String suffix, String pattern) {
        return new CodeOptions(length, charset, prefix, suffix, pattern);
    }

    @Test
    void defaultIsEightCharactersWithoutLookAlikes() {
        CodeFormat f = CodeFormat.of(null);
        assertThat(f.template()).isEqualTo("########");
        assertThat(f.charset()).hasSize(32).doesNotContain("0", "O", "1", "I");
        assertThat(f.space()).isEqualTo(1L << 40);
        String code = f.generator(new SecureRandom()).next();
        assertThat(code).matches("[A-HJ-NP-Z2-9]{8}");
    }

    @Test
    void prefixPatternAndSuffixMakeTheTemplate() {
        CodeFormat f = CodeFormat.of(options(null, "XY", "PRE-", "-END", "##-#"));
        assertThat(f.template()).isEqualTo("PRE-##-#-END");
        assertThat(f.positions()).isEqualTo(3);
        assertThat(f.space()).isEqualTo(8);
        Set<String> seen = new HashSet<>();
        CodeFormat.Generator g = f.generator(new SecureRandom());
        for (int i = 0; i < 1000; i++) {
            String code = g.next();
            assertThat(code).matches("PRE-[XY]{2}-[XY]-END");
            seen.add(code);
        }
        assertThat(seen).as("all 8 codes turn up in 1000 draws").hasSize(8);
        assertThat(CodeFormat.of(options(5, null, "A", null, null)).template()).isEqualTo("A#####");
    }

    @Test
    void everyCharacterIsEquallyLikely() {
        // 10 characters do not divide 256: rejection sampling keeps the draw uniform
        CodeFormat.Generator g = CodeFormat.of(options(1, "0123456789", null, null, null)).generator(new SecureRandom());
        Map<String, Integer> counts = new HashMap<>();
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            counts.merge(g.next(), 1, Integer::sum);
        }
        assertThat(counts).hasSize(10);
        // each expected 10,000; 6 standard deviations (~95) either way
        assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(9_400, 10_600));
    }

    @Test
    void spaceSaturatesInsteadOfOverflowing() {
        assertThat(CodeFormat.of(options(64, null, null, null, null)).space()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void rejectsWhatCannotWork() {
        assertInvalid(options(null, "aA", null, null, null), "code_options.charset");
        assertInvalid(options(null, "A", null, null, null), "code_options.charset");
        assertInvalid(options(null, "AB C", null, null, null), "code_options.charset");
        assertInvalid(options(null, "AB#", null, null, null), "code_options.charset");
        assertInvalid(options(0, null, null, null, null), "code_options.length");
        assertInvalid(options(65, null, null, null, null), "code_options.length");
        assertInvalid(options(4, null, null, null, "##"), "code_options.length");
        assertInvalid(options(null, null, null, null, "NOHASH"), "code_options.pattern");
        assertInvalid(options(null, null, "A#", null, null), "code_options.prefix");
        assertInvalid(options(null, null, null, "B C", null), "code_options.suffix");
        assertInvalid(options(60, null, "PREFIX", null, null), "code_options");
    }

    private static void assertInvalid(CodeOptions options, String field) {
        assertThatThrownBy(() -> CodeFormat.of(options)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).fieldErrors()).containsKey(field));
    }
}
