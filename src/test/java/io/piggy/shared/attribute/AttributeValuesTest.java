package io.piggy.shared.attribute;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The value checks of every attribute type; {@link #CASES} also drives the HTTP tests of the features using them. */
public class AttributeValuesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final List<AttributeOption> OPTIONS = List.of(
            new AttributeOption("red", "Red", null, null), new AttributeOption("100", "Blue", null, null));

    /** Per type: values it must accept (with what is stored) and values it must refuse. */
    public record Case(Map<Object, Object> good, List<Object> bad) {
    }

    public static final Map<AttributeType, Case> CASES = new EnumMap<>(AttributeType.class);

    static {
        CASES.put(AttributeType.URL, new Case(Map.of("https://example.com/a?b=c", "https://example.com/a?b=c",
                " http://shop.example ", "http://shop.example"),
                List.of("example.com", "ftp://example.com", "https://", "javascript:alert(1)", "https://a b.com", 42, List.of("x"))));
        CASES.put(AttributeType.TEXT, new Case(Map.of("Ada", "Ada", 42, "42", true, "true"),
                List.of("x".repeat(256), List.of("a"), Map.of("a", "b"))));
        CASES.put(AttributeType.LONG_TEXT, new Case(Map.of("x".repeat(5000), "x".repeat(5000)),
                List.of("x".repeat(65_536), List.of())));
        CASES.put(AttributeType.RICH_TEXT, new Case(Map.of("<p>Hi</p>", "<p>Hi</p>"), List.of("x".repeat(65_536), Map.of("a", 1))));
        CASES.put(AttributeType.DATE, new Case(Map.of("2026-01-31", "2026-01-31", " 2024-02-29 ", "2024-02-29"),
                List.of("2026-02-30", "31-01-2026", "2026-01-31T10:00:00Z", 20260131, "tomorrow")));
        CASES.put(AttributeType.BIRTH_DATE, new Case(Map.of("1990-05-17", "1990-05-17", "2026-11-25", "2026-11-25"),
                List.of("1899-12-31", "2026-11-26", "17-05-1990", 1990)));
        CASES.put(AttributeType.DATE_TIME, new Case(Map.of("2026-01-31T12:00:00+01:00", "2026-01-31T11:00:00+00:00",
                "2026-01-31T12:00:00Z", "2026-01-31T12:00:00+00:00"),
                List.of("2026-13-01T00:00:00Z", "noon", 1700000000)));
        CASES.put(AttributeType.PHONE, new Case(Map.of("+31 20 123 4567", "+31 20 123 4567", "0612345678", "0612345678",
                "(020) 123-4567", "(020) 123-4567"),
                List.of("12345", "+31 20 123 4567 ext 5", "phone", "1234567890123456", "++3120")));
        CASES.put(AttributeType.FLOAT, new Case(Map.of("12.5", new BigDecimal("12.5"), 3, new BigDecimal("3"),
                0.1, new BigDecimal("0.1"), "-7", new BigDecimal("-7")),
                List.of("12,5", "abc", true, Double.NaN, "1e400000000000", List.of(1))));
        CASES.put(AttributeType.COLOR, new Case(Map.of("#FF8800", "#ff8800", "#abc", "#abc", "#11223344", "#11223344"),
                List.of("ff8800", "#ff88", "#gg8800", "red", 123)));
        CASES.put(AttributeType.EMAIL, new Case(Map.of("ada@example.com", "ada@example.com", " Ada@Example.com ", "Ada@Example.com"),
                List.of("ada", "ada@example", "a da@example.com", "@example.com", 5)));
        CASES.put(AttributeType.NUMBER, new Case(Map.of(42, 42L, "-7", -7L, 3.0, 3L, "+5", 5L),
                List.of(3.5, "3.5", "4x", true, "", "1234567890123456789012")));
        CASES.put(AttributeType.SELECT, new Case(Map.of("red", "red", 100, "100", "100", "100"),
                List.of("Red", "green", List.of("red"), true)));
        CASES.put(AttributeType.BOOLEAN, new Case(Map.of(true, true, "yes", true, "0", false, 1, true, "off", false, "TRUE", true),
                List.of("maybe", 2, List.of(true))));
        CASES.put(AttributeType.DATE_RANGE, new Case(Map.of(
                Map.of("start", "2026-01-01", "end", "2026-01-31"), Map.of("start", "2026-01-01", "end", "2026-01-31"),
                "2026-02-01/2026-02-01", Map.of("start", "2026-02-01", "end", "2026-02-01"),
                Map.of("from", "2026-03-01", "to", "2026-03-02"), Map.of("start", "2026-03-01", "end", "2026-03-02")),
                List.of(Map.of("start", "2026-01-31", "end", "2026-01-01"), "2026-01-01", Map.of("start", "x", "end", "y"), 5)));
        CASES.put(AttributeType.TIME_RANGE, new Case(Map.of(
                Map.of("start", "09:00", "end", "17:30"), Map.of("start", "09:00", "end", "17:30"),
                "08:00/12:00", Map.of("start", "08:00", "end", "12:00")),
                List.of(Map.of("start", "17:00", "end", "09:00"), "25:00/26:00", "9-5", Map.of("start", "09:00"))));
        CASES.put(AttributeType.IDENTIFIER, new Case(Map.of("CARD-0001", "CARD-0001", 12345, "12345", "a.b:c_d", "a.b:c_d"),
                List.of("with space", "x".repeat(256), "ü", List.of("a"))));
        CASES.put(AttributeType.FILE_UPLOAD, new Case(Map.of("invoice.pdf", "invoice.pdf", "https://cdn.example/a.pdf", "https://cdn.example/a.pdf"),
                List.of("a\nb", "x".repeat(2049), List.of("a.pdf"))));
        CASES.put(AttributeType.MEDIA_UPLOAD, new Case(Map.of("photo.jpg", "photo.jpg"), List.of("a\u0000b", Map.of("a", "b"))));
        CASES.put(AttributeType.MULTI_SELECT, new Case(Map.of(List.of("red", "100"), List.of("red", "100"),
                "red", List.of("red"), List.of("red", "red"), List.of("red")),
                List.of(List.of("red", "green"), "red,100", List.of(List.of("red")))));
        CASES.put(AttributeType.LICENSE_PLATE, new Case(Map.of("ab-123-c", "AB-123-C", " XYZ 12 ", "XYZ 12"),
                List.of("-AB12", "AB_12", "A".repeat(16), "AB-12-", List.of("AB"))));
    }

    @Test
    void everyTypeHasCases() {
        assertThat(CASES.keySet()).containsExactlyInAnyOrder(AttributeType.values());
        assertThat(AttributeType.values()).hasSize(21);
    }

    @ParameterizedTest
    @EnumSource(AttributeType.class)
    void acceptsGoodValuesAndStoresTheirNormalForm(AttributeType type) {
        CASES.get(type).good().forEach((raw, stored) -> {
            AttributeValues.Checked checked = AttributeValues.check(type, raw, OPTIONS, TODAY);
            assertThat(checked.error()).as("%s %s", type, raw).isNull();
            assertThat(checked.value()).as("%s %s", type, raw).isEqualTo(stored);
        });
    }

    @ParameterizedTest
    @EnumSource(AttributeType.class)
    void refusesBadValuesWithAMessage(AttributeType type) {
        for (Object raw : CASES.get(type).bad()) {
            AttributeValues.Checked checked = AttributeValues.check(type, raw, OPTIONS, TODAY);
            assertThat(checked.isValid()).as("%s should refuse %s", type, raw).isFalse();
            assertThat(checked.error()).as("%s %s", type, raw).isNotBlank();
        }
    }

    @Test
    void emptyValuesClear() {
        assertThat(Arrays.asList(null, "", "  ", List.of(), Map.of())).allMatch(AttributeValues::isEmpty);
        assertThat(List.of(false, 0, "0", List.of("a"))).noneMatch(AttributeValues::isEmpty);
    }

    @Test
    void typeNamesAreThoseOfPiggy() {
        assertThat(AttributeType.of("multi_select")).contains(AttributeType.MULTI_SELECT);
        assertThat(AttributeType.of(" Date_Time ")).contains(AttributeType.DATE_TIME);
        assertThat(AttributeType.of("string")).isEmpty();
        assertThat(AttributeType.NAMES).startsWith("url, text, date, phone");
    }
}
