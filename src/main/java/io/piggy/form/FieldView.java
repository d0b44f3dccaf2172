package io.piggy.form;

import java.util.List;

/**
 * One field of a hosted page (its methods are public for the template engine), ready for the template: which control it is ({@code kind}: input,
 * checkbox, select, multi, textarea or range), what it holds, and its error next to it.
 */
record FieldView(String name, String id, String label, String kind, String inputType, String value, String start,
                 String end, boolean checked, List<Choice> options, String error, String hint, boolean required,
                 boolean readOnly, String step, String max) {

    /** An option of a select or multi-select, and whether it is chosen. */
    record Choice(String value, String label, boolean chosen) {
    }

    public String errorId() {
        return id + "-error";
    }

    public String hintId() {
        return id + "-hint";
    }

    /** Where the error summary links to: the field's first control. */
    public String firstInputId() {
        return switch (kind) {
            case "multi" -> options.isEmpty() ? id : id + "-0";
            case "range" -> id + "-start";
            default -> id;
        };
    }

    public boolean invalid() {
        return error != null;
    }

    /** The ids of the hint and the error, for aria-describedby; null when there are none. */
    public String describedBy() {
        String ids = ((hint != null ? hintId() : "") + " " + (error != null ? errorId() : "")).trim();
        return ids.isEmpty() ? null : ids;
    }
}
