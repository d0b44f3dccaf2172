package io.piggy.form;

import io.piggy.contact.ContactAttribute;
import io.piggy.shared.attribute.AttributeOption;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormFieldsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static ContactAttribute attribute(String name, String type, String... options) {
        return new ContactAttribute(1, name, "Label", type, null, null,
                List.of(options).stream().map(o -> new AttributeOption(o, o.toUpperCase(), null, null)).toList(),
                1, false, false, false, null);
    }

    @Test
    void pageParametersBecomeAttributeValues() {
        assertThat(FormFields.valueOf(attribute("vip", "boolean"), Map.of("vip", List.of("true")))).isEqualTo("true");
        assertThat(FormFields.valueOf(attribute("vip", "boolean"), Map.of())).as("unticked").isEqualTo("false");
        assertThat(FormFields.valueOf(attribute("h", "multi_select", "a", "b"), Map.of("h", List.of("a", "", "b"))))
                .isEqualTo(List.of("a", "b"));
        assertThat(FormFields.valueOf(attribute("h", "multi_select", "a"), Map.of())).isEqualTo(List.of());
        assertThat(FormFields.valueOf(attribute("r", "date_range"), Map.of("r.start", List.of("2026-01-01"),
                "r.end", List.of("2026-01-02")))).isEqualTo("2026-01-01/2026-01-02");
        assertThat(FormFields.valueOf(attribute("r", "time_range"), Map.of("r.start", List.of(" "))))
                .as("both empty clears").isEqualTo("");
        assertThat(FormFields.valueOf(attribute("t", "date_time"), Map.of("t", List.of("2026-01-31T12:30"))))
                .isEqualTo("2026-01-31T12:30:00+00:00");
        assertThat(FormFields.valueOf(attribute("t", "date_time"), Map.of("t", List.of("2026-01-31T12:30:15"))))
                .isEqualTo("2026-01-31T12:30:15+00:00");
        assertThat(FormFields.valueOf(attribute("n", "text"), Map.of())).isEqualTo("");
    }

    @Test
    void storedValuesRoundTripThroughThePage() {
        List<Object[]> cases = List.of(
                new Object[]{attribute("vip", "boolean"), true, "true"},
                new Object[]{attribute("h", "multi_select", "a", "b"), List.of("b"), List.of("b")},
                new Object[]{attribute("r", "date_range"), Map.of("start", "2026-07-01", "end", "2026-07-14"),
                        "2026-07-01/2026-07-14"},
                new Object[]{attribute("t", "date_time"), "2026-01-31T12:30:00+00:00", "2026-01-31T12:30:00+00:00"},
                new Object[]{attribute("n", "number"), 42L, "42"});
        for (Object[] c : cases) {
            ContactAttribute a = (ContactAttribute) c[0];
            assertThat(FormFields.valueOf(a, FormFields.paramsOf(a, c[1]))).as(a.type()).isEqualTo(c[2]);
        }
        assertThat(FormFields.paramsOf(attribute("vip", "boolean"), false)).isEmpty();
        assertThat(FormFields.paramsOf(attribute("n", "text"), null)).isEmpty();
    }

    @Test
    void viewsChooseTheControlAndLinkTheirErrors() {
        FieldView phone = FormFields.view(attribute("phone", "phone"), Map.of("phone", List.of("x")), "Bad", TODAY);
        assertThat(phone.kind()).isEqualTo("input");
        assertThat(phone.inputType()).isEqualTo("tel");
        assertThat(phone.value()).isEqualTo("x");
        assertThat(phone.describedBy()).isEqualTo("f-phone-error");
        assertThat(phone.invalid()).isTrue();
        FieldView when = FormFields.view(attribute("when", "date_time"), Map.of(), null, TODAY);
        assertThat(when.inputType()).isEqualTo("datetime-local");
        assertThat(when.describedBy()).isEqualTo("f-when-hint");
        assertThat(FormFields.view(attribute("b", "birth_date"), Map.of(), null, TODAY).max()).isEqualTo("2026-11-25");
        FieldView multi = FormFields.view(attribute("m", "multi_select", "a", "b"), Map.of("m", List.of("b")), null, TODAY);
        assertThat(multi.kind()).isEqualTo("multi");
        assertThat(multi.options()).extracting(FieldView.Choice::chosen).containsExactly(false, true);
        assertThat(multi.firstInputId()).isEqualTo("f-m-0");
        assertThat(multi.describedBy()).isNull();
        assertThat(FormFields.view(attribute("l", "rich_text"), Map.of(), null, TODAY).kind()).isEqualTo("textarea");
        assertThat(FormFields.view(attribute("v", "boolean"), Map.of("v", List.of("true")), null, TODAY).checked()).isTrue();
        assertThat(FormFields.view(attribute("r", "time_range"), Map.of(), null, TODAY).firstInputId()).isEqualTo("f-r-start");
        assertThat(FormFields.email("a@b.c", null, true).readOnly()).isTrue();
    }
}
