package io.piggy.perk;

import io.piggy.shared.api.FieldErrors;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks the options of a perk body against the perk's data type and turns them into stored options. */
final class PerkOptions {
    static final int MAX = 100;
    /** What a boolean perk gets when its body has no options: not granted unless a tier says so. */
    static final List<PerkOption> BOOLEAN = List.of(new PerkOption("Yes", "true", false), new PerkOption("No", "false", true));

    private PerkOptions() {
    }

    /**
     * @param given the body's options; null or empty means none were given
     * @return the options to store (meaningful only when no error was added)
     */
    static List<PerkOption> check(Validator validator, PerkDataType type, List<PerkOptionRequest> given, FieldErrors errors) {
        if (given == null || given.isEmpty()) {
            if (type == PerkDataType.BOOLEAN) {
                return BOOLEAN;
            }
            errors.add("options", "A single_select perk needs options: a list of {label, value, default} "
                    + "with exactly one default.");
            return List.of();
        }
        if (given.size() > MAX) {
            errors.add("options", "A perk may have at most " + MAX + " options.");
            return List.of();
        }
        List<PerkOption> options = new ArrayList<>();
        Map<String, Integer> firstIndex = new LinkedHashMap<>();
        int defaults = 0;
        for (int i = 0; i < given.size(); i++) {
            PerkOptionRequest option = given.get(i);
            if (option == null) {
                errors.add("options." + i, "Each option needs a label and a value.");
                continue;
            }
            errors.validate(validator, option, "options." + i + ".");
            if (option.value() != null && !option.value().isBlank()) {
                Integer first = firstIndex.putIfAbsent(option.value(), i);
                if (first != null) {
                    errors.add("options." + i + ".value", "Each option needs its own value; this one is also at options." + first + ".");
                }
            }
            boolean isDefault = Boolean.TRUE.equals(option.isDefault());
            defaults += isDefault ? 1 : 0;
            options.add(new PerkOption(option.label(), option.value(), isDefault));
        }
        if (defaults != 1) {
            errors.add("options", "Exactly one option must be the default (default: true); " + defaults + " are.");
        }
        if (type == PerkDataType.BOOLEAN && !firstIndex.keySet().equals(Set.of("true", "false"))) {
            errors.add("options", "A boolean perk has exactly two options, with the values true and false. "
                    + "Leave options out to get Yes (true) and No (false, the default).");
        }
        return options;
    }
}
