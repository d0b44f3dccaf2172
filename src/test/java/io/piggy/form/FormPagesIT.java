package io.piggy.form;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.piggy.form.FormPages.assertHtml;
import static io.piggy.form.FormPages.open;
import static io.piggy.form.FormPages.submit;
import static io.piggy.form.FormsIT.FORMS;
import static io.piggy.form.FormsIT.createForm;
import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

/** The hosted pages over plain HTTP: rendering, CSRF, statuses, PRIVATE tokens, submissions and their event. */
class FormPagesIT extends ApiIT {

    static void attribute(Api api, String name, String type, List<String> options) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("label", "Label of " + name);
        body.put("data_type", type);
        if (options != null) {
            body.put("options", options.stream().map(o -> Map.of("label", o.toUpperCase(), "value", o)).toList());
        }
        Api.Response r = api.postJson(PREFIX + "/contact-attributes", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    static String publishedForm(Api api, String type, List<String> fields, Map<String, Object> more) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "Join <us> & \"win\"", "status", "PUBLISHED",
                "type", type, "fields", fields));
        body.putAll(more);
        return createForm(api, body).get("uuid").asString();
    }

    private static JsonNode contactByEmail(Api api, String email) {
        Api.Response found = api.get(PREFIX + "/contacts/find-one-by?email=" + email);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return found.data();
    }

    @Test
    void pageRendersAnAccessibleControlPerAttributeType() {
        Api api = as(newAccount("Form page types"));
        attribute(api, "shoe_size", "number", null);
        attribute(api, "weight", "float", null);
        attribute(api, "website", "url", null);
        attribute(api, "fav_color", "color", null);
        attribute(api, "vip", "boolean", null);
        attribute(api, "shop", "select", List.of("north", "south"));
        attribute(api, "hobbies", "multi_select", List.of("chess", "golf"));
        attribute(api, "bio", "long_text", null);
        attribute(api, "visit", "date", null);
        attribute(api, "last_call", "date_time", null);
        attribute(api, "holiday", "date_range", null);
        String form = publishedForm(api, "PUBLIC", List.of("firstname", "phonenumber", "birthdate", "shoe_size", "weight",
                "website", "fav_color", "vip", "shop", "hobbies", "bio", "visit", "last_call", "holiday"), Map.of());

        FormPages.Page page = open(anonymous(), "/forms/" + form);
        assertHtml(page.response(), 200);
        String html = page.body();
        assertThat(html).contains("<html lang=\"en\"").contains("Join &lt;us&gt; &amp; &quot;win&quot;")
                .doesNotContain("Join <us>");
        assertThat(html).contains("type=\"email\"").contains("name=\"email\"").contains("required");
        assertThat(html.indexOf("id=\"f-email\"")).as("email first").isLessThan(html.indexOf("id=\"f-firstname\""));
        assertThat(html).contains("id=\"f-phonenumber\" name=\"phonenumber\" type=\"tel\"")
                .contains("name=\"birthdate\" type=\"date\"").contains("name=\"shoe_size\" type=\"number\"")
                .contains("step=\"any\"").contains("type=\"url\"").contains("type=\"color\"")
                .contains("name=\"vip\" type=\"checkbox\"").contains("<select id=\"f-shop\" name=\"shop\"")
                .contains("<option value=\"north\">NORTH</option>")
                .contains("<textarea id=\"f-bio\" name=\"bio\"").contains("name=\"visit\" type=\"date\"")
                .contains("name=\"last_call\" type=\"datetime-local\"").contains("name=\"holiday.start\" type=\"date\"")
                .contains("<legend>Label of hobbies</legend>").contains("id=\"f-hobbies-1\" name=\"hobbies\" value=\"golf\"");
        assertThat(html).doesNotContain("aria-invalid").doesNotContain("aria-describedby=\"\"")
                .contains("aria-describedby=\"f-last_call-hint\"").doesNotContain("role=\"alert\"");
        // every control has a label pointing at it
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile("<(?:input|select|textarea)\\b[^>]*\\bid=\"([^\"]+)\"").matcher(html);
        int controls = 0;
        while (ids.find()) {
            controls++;
            assertThat(html).as("label for " + ids.group(1)).contains("for=\"" + ids.group(1) + "\"");
        }
        assertThat(controls).as("email and 13 fields, 2 of them with 2 controls").isEqualTo(17);
        assertThat(page.cookie()).hasSize(43);
        assertThat(page.hidden().get("_csrf")).isEqualTo(page.cookie());
        String setCookie = page.response().header("Set-Cookie");
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/forms");
        assertThat(page.response().header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.response().header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void validSubmissionCreatesTheContactSubscribesItAndPublishesFirstSubmissionOnce() {
        Api api = as(newAccount("Form submit"));
        attribute(api, "hobbies", "multi_select", List.of("chess", "golf", "darts"));
        attribute(api, "vip", "boolean", null);
        attribute(api, "last_call", "date_time", null);
        String newsletter = FormsIT.subscriptionType(api, "Newsletter", "OPT_IN");
        String form = publishedForm(api, "PUBLIC", List.of("firstname", "hobbies", "vip", "last_call"),
                Map.of("subscription_type_uuids", List.of(newsletter), "credits", 25, "thank_you_text", "Thanks <b>!"));
        String path = "/forms/" + form;

        FormPages.Page page = open(anonymous(), path);
        Api.Response done = submit(anonymous(), page, path, List.of(field("email", "Ada@Example.com"),
                field("firstname", "Ada"), field("hobbies", "chess"), field("hobbies", "darts"), field("vip", "true"),
                field("last_call", "2026-01-31T12:30")));
        assertHtml(done, 200);
        assertThat(done.body()).contains("Thanks &lt;b&gt;!").contains("role=\"status\"")
                .contains("<title>Join &lt;us&gt;");

        JsonNode contact = contactByEmail(api, "ada@example.com");
        String uuid = contact.get("uuid").asString();
        JsonNode attributes = contact.get("current_values");
        assertThat(attributes.get("firstname").asString()).isEqualTo("Ada");
        assertThat(attributes.get("hobbies").toString()).isEqualTo("[\"chess\",\"darts\"]");
        assertThat(attributes.get("vip").asBoolean()).isTrue();
        assertThat(attributes.get("last_call").asString()).isEqualTo("2026-01-31T12:30:00+00:00");
        assertThat(attributes.get("channel").asString()).isEqualTo("FORM");
        JsonNode subscriptions = api.get(PREFIX + "/contact-subscriptions/" + uuid).data();
        assertThat(subscriptions.get(0).get("status").asString()).isEqualTo("SUBSCRIBED");

        // a second submission by the same contact (another email case) is not its first
        FormPages.Page again = open(anonymous(), path);
        assertHtml(submit(anonymous(), again, path, List.of(field("email", "ADA@example.com"), field("firstname", "Ada L"))), 200);
        List<RecordedFormEvents.Received> events = RecordedFormEvents.of(form);
        assertThat(events).hasSize(2).allMatch(RecordedFormEvents.Received::inTransaction);
        assertThat(events.get(0).event().contact().toString()).isEqualTo(uuid);
        assertThat(events.get(0).event().firstSubmission()).isTrue();
        assertThat(events.get(0).event().credits()).isEqualTo(25);
        assertThat(events.get(1).event().firstSubmission()).isFalse();
        assertThat(events.get(1).event().credits()).isZero();
        // the first submission's credits went through the ledger, once
        assertThat(api.get(PREFIX + "/contacts/" + uuid + "/credit-balance").data().get("balance").asLong()).isEqualTo(25);
        JsonNode ledger = api.get(PREFIX + "/loyalty-transactions?contact_uuid=" + uuid).data();
        assertThat(ledger).hasSize(1);
        assertThat(ledger.get(0).get("credits").asLong()).isEqualTo(25);
        assertThat(ledger.get(0).get("channel").asString()).isEqualTo("FORMS");
        // a PUBLIC page only adds what is missing (issue 12 §5): the second one replaced and cleared nothing
        JsonNode after = contactByEmail(api, "ada@example.com").get("current_values");
        assertThat(after.get("firstname").asString()).isEqualTo("Ada");
        assertThat(after.get("vip").asBoolean()).as("an unticked box does not replace a saved true").isTrue();
        assertThat(after.get("hobbies").toString()).as("no box ticked clears nothing").isEqualTo("[\"chess\",\"darts\"]");

        Api.Response submissions = api.get(FORMS + "/" + form + "/submissions");
        assertThat(submissions.data()).hasSize(2);
        JsonNode first = submissions.data().get(0);
        assertThat(first.propertyNames()).containsExactly("uuid", "contact", "first_submission", "credits", "answers", "created_at");
        assertThat(first.get("uuid").asString()).isEqualTo(events.get(0).event().submission().toString());
        assertThat(first.get("contact").get("uuid").asString()).isEqualTo(uuid);
        assertThat(first.get("first_submission").asBoolean()).isTrue();
        assertThat(first.get("credits").asLong()).isEqualTo(25);
        assertThat(first.get("answers").get("email").asString()).isEqualTo("Ada@Example.com");
        assertThat(first.get("answers").get("firstname").asString()).isEqualTo("Ada");
        assertThat(submissions.data().get(1).get("first_submission").asBoolean()).isFalse();
        assertThat(submissions.data().get(1).get("credits").asLong()).isZero();
        assertThat(submissions.json().get("meta").get("total").asLong()).isEqualTo(2);
        Api.Response newest = api.get(FORMS + "/" + form + "/submissions?sort=-created_at&limit=1&page=2");
        assertThat(newest.data()).hasSize(1);
        assertThat(newest.data().get(0).get("first_submission").asBoolean()).isTrue();
    }

    @Test
    void invalidSubmissionShowsErrorsNextToFieldsKeepsValuesAndChangesNothing() {
        Api api = as(newAccount("Form invalid"));
        attribute(api, "shoe_size", "number", null);
        attribute(api, "shop", "select", List.of("north", "south"));
        String form = publishedForm(api, "PUBLIC", List.of("firstname", "phonenumber", "shoe_size", "shop"), Map.of());
        String path = "/forms/" + form;
        FormPages.Page page = open(anonymous(), path);
        Api.Response invalid = submit(anonymous(), page, path, List.of(field("email", "grace@example.com"),
                field("firstname", "Grace <Hopper>"), field("phonenumber", "call me"), field("shoe_size", "41"),
                field("shop", "south")));
        assertHtml(invalid, 400);
        String html = invalid.body();
        assertThat(html).contains("<title>Error: Join &lt;us&gt;");
        assertThat(html).contains("id=\"f-phonenumber-error\"").contains("aria-describedby=\"f-phonenumber-error\"")
                .contains("aria-invalid=\"true\"").contains("role=\"alert\"").contains("href=\"#f-phonenumber\"");
        assertThat(html).contains("value=\"Grace &lt;Hopper&gt;\"").contains("value=\"call me\"").contains("value=\"41\"")
                .contains("<option value=\"south\" selected=\"selected\">").contains("value=\"grace@example.com\"");
        assertThat(html).doesNotContain("id=\"f-firstname-error\"");
        assertThat(api.get(PREFIX + "/contacts/find-one-by?email=grace@example.com").code()).isEqualTo(55031);

        Api.Response badEmail = submit(anonymous(), page, path, List.of(field("email", "not an email"), field("shop", "west")));
        assertHtml(badEmail, 400);
        assertThat(badEmail.body()).contains("id=\"f-email-error\"").contains("id=\"f-shop-error\"");
        assertThat(api.get(FORMS + "/" + form + "/submissions").data()).isEmpty();
        assertThat(RecordedFormEvents.of(form)).isEmpty();
    }

    @Test
    void submissionsWithoutAValidCsrfTokenAreForbiddenAndChangeNothing() {
        Api api = as(newAccount("Form csrf"));
        String form = publishedForm(api, "PUBLIC", List.of("firstname"), Map.of());
        String path = "/forms/" + form;
        FormPages.Page page = open(anonymous(), path);
        List<Map.Entry<String, String>> answers = List.of(field("email", "mallory@example.com"), field("firstname", "M"));
        String otherToken = open(anonymous(), path).cookie();

        assertHtml(submit(anonymous(), path, null, answers), 403);
        assertHtml(submit(anonymous(), path, page.cookie(), answers), 403); // cookie, no field
        List<Map.Entry<String, String>> withField = new java.util.ArrayList<>(answers);
        withField.add(field("_csrf", page.cookie()));
        assertHtml(submit(anonymous(), path, null, withField), 403); // field, no cookie
        assertHtml(submit(anonymous(), path, otherToken, withField), 403); // another page's cookie
        List<Map.Entry<String, String>> forged = new java.util.ArrayList<>(answers);
        forged.add(field("_csrf", "x".repeat(43)));
        assertHtml(submit(anonymous(), path, "x".repeat(43).replace('x', 'y'), forged), 403);
        assertThat(submit(anonymous(), path, null, answers).body()).contains("expired");

        assertThat(api.get(PREFIX + "/contacts/find-one-by?email=mallory@example.com").code()).isEqualTo(55031);
        assertThat(api.get(FORMS + "/" + form + "/submissions").data()).isEmpty();
        assertHtml(submit(anonymous(), page, path, answers), 200);
    }

    @Test
    void draftBinUnknownAndOtherPathsArePagesNotFound() {
        Api api = as(newAccount("Form statuses"));
        String draft = createForm(api, Map.of("name", "Draft")).get("uuid").asString();
        String bin = createForm(api, Map.of("name", "Bin", "status", "BIN")).get("uuid").asString();
        for (String path : List.of("/forms/" + draft, "/forms/" + bin, "/forms/0190d6b2-0000-7000-8000-000000000000",
                "/forms/not-a-uuid", "/forms/" + draft + "/extra", "/forms", "/forms/")) {
            Api.Response response = anonymous().get(path);
            assertHtml(response, 404);
            assertThat(response.body()).contains("Form not found");
        }
        FormPages.Page anyPage = open(anonymous(), "/forms/" + publishedForm(api, "PUBLIC", List.of(), Map.of()));
        assertHtml(submit(anonymous(), anyPage, "/forms/" + draft, List.of(field("email", "x@example.com"))), 404);
        assertHtml(anonymous().send(anonymous().request("/forms/" + draft).PUT(HttpRequest.BodyPublishers.noBody())), 404);
        assertHtml(anonymous().send(anonymous().request("/forms/" + draft).header("Accept", "application/json")
                .DELETE()), 404);

        String published = publishedForm(api, "PUBLIC", List.of(), Map.of());
        assertHtml(anonymous().get("/forms/" + published), 200);
        api.putJson(FORMS + "/" + published, Map.of("status", "DRAFT"));
        assertHtml(anonymous().get("/forms/" + published), 404);
    }

    @Test
    void aFailingListenerUndoesTheWholeSubmission() {
        Api api = as(newAccount("Form listener fails"));
        String form = publishedForm(api, "PUBLIC", List.of("firstname"), Map.of("credits", 5));
        RecordedFormEvents.FAIL_FOR_FORMS.add(java.util.UUID.fromString(form));
        String path = "/forms/" + form;
        FormPages.Page page = open(anonymous(), path);
        Api.Response failed = submit(anonymous(), page, path, List.of(field("email", "linus@example.com"), field("firstname", "L")));
        assertHtml(failed, 500);
        assertThat(failed.body()).contains("Something went wrong");
        assertThat(api.get(PREFIX + "/contacts/find-one-by?email=linus@example.com").code()).isEqualTo(55031);
        assertThat(api.get(FORMS + "/" + form + "/submissions").data()).isEmpty();
    }
}
