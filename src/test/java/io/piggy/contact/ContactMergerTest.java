package io.piggy.contact;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContactMergerTest {

    @Test
    void theDestinationsNonEmptyValuesWinAndTheSourceFillsTheGaps() {
        Map<String, Object> source = new HashMap<>(Map.of("firstname", "Anon", "city", "Ede", "color", "red", "tags", List.of("a")));
        Map<String, Object> destination = new HashMap<>(Map.of("firstname", "Ada", "city", "", "tags", List.of()));
        destination.put("color", null);
        assertThat(ContactMerger.mergedAttributes(source, destination))
                .isEqualTo(Map.of("firstname", "Ada", "city", "Ede", "color", "red", "tags", List.of("a")));
    }

    @Test
    void emptySourceValuesAreDropped() {
        Map<String, Object> source = new HashMap<>(Map.of("city", ""));
        source.put("lastname", null);
        assertThat(ContactMerger.mergedAttributes(source, Map.of("firstname", "Ada"))).isEqualTo(Map.of("firstname", "Ada"));
    }
}
