package io.piggy.perk;

import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.FieldErrors;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PerkOptionsTest {
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static Set<String> errorKeys(PerkDataType type, List<PerkOptionRequest> options) {
        FieldErrors errors = new FieldErrors();
        PerkOptions.check(VALIDATOR, type, options, errors);
        if (errors.isEmpty()) {
            return Set.of();
        }
        try {
            errors.throwIfAny();
            throw new AssertionError("errors were collected but not thrown");
        } catch (ApiException e) {
            return e.fieldErrors().keySet();
        }
    }

    @Test
    void aBooleanPerkWithoutOptionsDefaultsToFalse() {
        FieldErrors errors = new FieldErrors();
        List<PerkOption> options = PerkOptions.check(VALIDATOR, PerkDataType.BOOLEAN, null, errors);
        assertThat(errors.isEmpty()).isTrue();
        assertThat(options).extracting(PerkOption::value).containsExactly("true", "false");
        assertThat(options).filteredOn(PerkOption::isDefault).extracting(PerkOption::value).containsExactly("false");
    }

    @Test
    void aSingleSelectPerkNeedsExactlyOneDefault() {
        assertThat(errorKeys(PerkDataType.SINGLE_SELECT, List.of())).containsExactly("options");
        assertThat(errorKeys(PerkDataType.SINGLE_SELECT, List.of(new PerkOptionRequest("A", "a", null)))).containsExactly("options");
        assertThat(errorKeys(PerkDataType.SINGLE_SELECT, List.of(new PerkOptionRequest("A", "a", true),
                new PerkOptionRequest("B", "b", true)))).containsExactly("options");
        assertThat(errorKeys(PerkDataType.SINGLE_SELECT, List.of(new PerkOptionRequest("A", "a", true),
                new PerkOptionRequest("B", "b", false)))).isEmpty();
    }

    @Test
    void optionErrorsNameTheOption() {
        List<PerkOptionRequest> options = new ArrayList<>();
        options.add(new PerkOptionRequest("A", "a", true));
        options.add(new PerkOptionRequest(" ", "a", false));
        options.add(null);
        options.add(new PerkOptionRequest("D", "x".repeat(256), false));
        assertThat(errorKeys(PerkDataType.SINGLE_SELECT, options))
                .containsExactlyInAnyOrder("options.1.label", "options.1.value", "options.2", "options.3.value");
    }

    @Test
    void booleanOptionsMustBeTrueAndFalse() {
        assertThat(errorKeys(PerkDataType.BOOLEAN, List.of(new PerkOptionRequest("Y", "true", false),
                new PerkOptionRequest("N", "false", true)))).isEmpty();
        assertThat(errorKeys(PerkDataType.BOOLEAN, List.of(new PerkOptionRequest("Y", "yes", true),
                new PerkOptionRequest("N", "no", false)))).containsExactly("options");
        assertThat(errorKeys(PerkDataType.BOOLEAN, List.of(new PerkOptionRequest("Y", "true", true))))
                .as("both values are needed").containsExactly("options");
    }
}
