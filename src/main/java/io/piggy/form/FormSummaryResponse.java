package io.piggy.form;

import java.util.UUID;

/** A form in {@code GET /forms}, exactly as Piggy lists it (§2.9). */
record FormSummaryResponse(UUID uuid, String name, FormStatus status, FormType type, String url) {
}
