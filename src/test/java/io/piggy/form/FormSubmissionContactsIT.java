package io.piggy.form;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import io.piggy.support.Concurrently;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.piggy.form.FormPages.open;
import static io.piggy.form.FormPages.submit;
import static io.piggy.form.FormPagesIT.publishedForm;
import static io.piggy.form.FormsIT.FORMS;
import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

/** Submissions follow their contact through a merge (one first submission stays) and lose their answers on a GDPR erasure. */
class FormSubmissionContactsIT extends ApiIT {

    private String send(Api api, String form, String email) {
        String path = "/forms/" + form;
        Api.Response done = submit(anonymous(), open(anonymous(), path), path, List.of(field("email", email),
                field("firstname", "Name of " + email)));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        return api.get(PREFIX + "/contacts/find-one-by?email=" + email).data().get("uuid").asString();
    }

    private static List<String> rows(Api api, String form) {
        List<String> rows = new ArrayList<>();
        for (JsonNode s : api.get(FORMS + "/" + form + "/submissions").data()) {
            rows.add(s.get("contact").get("uuid").asString() + (s.get("first_submission").asBoolean() ? " first" : ""));
        }
        return rows;
    }

    @Test
    void mergedContactsKeepOneFirstSubmissionPerForm() {
        Api api = as(newAccount("Form merge"));
        String form = publishedForm(api, "PUBLIC", List.of("firstname"), Map.of("credits", 3));
        String other = publishedForm(api, "PUBLIC", List.of("firstname"), Map.of());
        String destination = send(api, form, "dest@example.com");
        String source = send(api, form, "src@example.com");
        send(api, other, "src@example.com");
        assertThat(rows(api, form)).containsExactly(destination + " first", source + " first");

        Api.Response merged = api.postJson(PREFIX + "/contacts/merge", Map.of("source_contact_uuid", source,
                "destination_contact_uuid", destination));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(rows(api, form)).containsExactly(destination + " first", destination);
        assertThat(rows(api, other)).containsExactly(destination + " first");
    }

    @Test
    void concurrentFirstSubmissionsOfOneNewEmailMakeOneContactAndOneFirst() throws Exception {
        Api api = as(newAccount("Form race"));
        String form = publishedForm(api, "PUBLIC", List.of("firstname"), Map.of("credits", 100));
        String path = "/forms/" + form;
        FormPages.Page page = open(anonymous(), path);
        List<Api.Response> answers = Concurrently.run(12, i -> () -> submit(anonymous(), page, path,
                List.of(field("email", "race@example.com"), field("firstname", "Run " + i))));
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        String contact = api.get(PREFIX + "/contacts/find-one-by?email=race@example.com").data().get("uuid").asString();
        assertThat(rows(api, form)).hasSize(12).allMatch(r -> r.startsWith(contact))
                .filteredOn(r -> r.endsWith(" first")).hasSize(1);
        List<RecordedFormEvents.Received> events = RecordedFormEvents.of(form);
        assertThat(events).hasSize(12);
        assertThat(events.stream().mapToLong(e -> e.event().credits()).sum()).as("credits due once").isEqualTo(100);
    }

    @Test
    void gdprErasureClearsTheAnswers() {
        Api api = as(newAccount("Form erasure"));
        String form = publishedForm(api, "PUBLIC", List.of("firstname"), Map.of());
        String erased = send(api, form, "erase-me@example.com");
        String kept = send(api, form, "keep-me@example.com");
        Api.Response deleted = api.postJson(PREFIX + "/contacts/" + erased + "/delete", Map.of("type", "GDPR"));
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        JsonNode submissions = api.get(FORMS + "/" + form + "/submissions").data();
        assertThat(submissions).hasSize(2);
        assertThat(submissions.get(0).get("contact").get("uuid").asString()).isEqualTo(erased);
        assertThat(submissions.get(0).get("answers").isEmpty()).isTrue();
        assertThat(submissions.get(0).toString()).doesNotContain("erase-me");
        assertThat(submissions.get(1).get("contact").get("uuid").asString()).isEqualTo(kept);
        assertThat(submissions.get(1).get("answers").get("email").asString()).isEqualTo("keep-me@example.com");
    }
}
