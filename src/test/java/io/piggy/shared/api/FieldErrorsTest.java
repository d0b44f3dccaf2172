package io.piggy.shared.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldErrorsTest {

    @Test
    void propertyPathsBecomeLaravelStyleKeys() {
        assertThat(FieldErrors.jsonPath("externalIdentifier")).isEqualTo("external_identifier");
        assertThat(FieldErrors.jsonPath("categories[0].externalIdentifier")).isEqualTo("categories.0.external_identifier");
        assertThat(FieldErrors.jsonPath("products[12].options[3].isDefault")).isEqualTo("products.12.options.3.is_default");
    }

    @Test
    void throwsOnceWithEveryMessageAndTheFirstAsSummary() {
        FieldErrors errors = new FieldErrors();
        errors.throwIfAny();
        errors.add("products.1.name", "The name field is required.").add("products.1.name", "second").add("products.4", "x");
        assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(e.getMessage()).isEqualTo("The name field is required.");
            assertThat(e.fieldErrors()).containsOnlyKeys("products.1.name", "products.4");
            assertThat(e.fieldErrors().get("products.1.name")).hasSize(2);
        });
    }
}
