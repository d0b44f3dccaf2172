package io.piggy.form;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One submission of a form: who sent it, whether it was that contact's first (which earns the
 * form's credits, then in {@code credits}) and the answers as sent.
 */
record SubmissionResponse(UUID uuid, Contact contact, @JsonProperty("first_submission") boolean firstSubmission,
                          long credits, Map<String, Object> answers, @JsonProperty("created_at") Instant createdAt) {
    @Schema(name = "SubmissionContact") // VoucherResponse has a Contact too
    record Contact(UUID uuid) {
    }

    static SubmissionResponse of(FormSubmissions.Submission s) {
        return new SubmissionResponse(s.id(), new Contact(s.contact()), s.firstSubmission(), s.creditsDue(), s.answers(),
                s.createdAt());
    }
}
