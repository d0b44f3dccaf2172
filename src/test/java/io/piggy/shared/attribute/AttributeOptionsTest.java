package io.piggy.shared.attribute;

import io.piggy.shared.api.ApiException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttributeOptionsTest {

    @Test
    void labelValueAndNameValueAndMapsMeanTheSame() {
        List<AttributeOption> labelValue = AttributeOptions.parse(List.of(Map.of("label", "Blue", "value", 100)));
        List<AttributeOption> nameValue = AttributeOptions.parse(List.of(Map.of("name", "Blue", "value", "100")));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("100", "Blue");
        assertThat(labelValue).isEqualTo(nameValue).isEqualTo(AttributeOptions.parse(map))
                .containsExactly(new AttributeOption("100", "Blue", null, null));
    }

    @Test
    void aMissingValueOrLabelTakesTheOther() {
        assertThat(AttributeOptions.parse(List.of(Map.of("label", "Red"), Map.of("value", "g"), "b")))
                .extracting(AttributeOption::value, AttributeOption::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Red", "Red"),
                        org.assertj.core.groups.Tuple.tuple("g", "g"), org.assertj.core.groups.Tuple.tuple("b", "b"));
    }

    @Test
    void refusesDuplicatesEmptyOptionsAndOtherShapes() {
        assertThatThrownBy(() -> AttributeOptions.parse(List.of(Map.of("value", "a"), Map.of("value", "a"))))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> AttributeOptions.parse(List.of(Map.of("description", "x"))))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> AttributeOptions.parse("red,green")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> AttributeOptions.parse(List.of(List.of("a")))).isInstanceOf(ApiException.class);
        assertThat(AttributeOptions.parse(null)).isEmpty();
    }
}
