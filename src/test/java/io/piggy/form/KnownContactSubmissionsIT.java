package io.piggy.form;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.piggy.form.FormPages.assertHtml;
import static io.piggy.form.FormPages.open;
import static io.piggy.form.FormPages.submit;
import static io.piggy.form.FormPagesIT.attribute;
import static io.piggy.form.FormPagesIT.publishedForm;
import static io.piggy.form.FormsIT.FORMS;
import static io.piggy.form.PrivateFormPagesIT.contact;
import static io.piggy.form.PrivateFormPagesIT.token;
import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Submissions for a contact that exists already: a PUBLIC page (anyone who knows the email) only adds
 * values the contact has none for; the contact's own PRIVATE page replaces values, and an empty field
 * there clears only a value the page showed.
 */
class KnownContactSubmissionsIT extends ApiIT {

    private static JsonNode values(Api api, String contact) {
        return api.get(PREFIX + "/contacts/" + contact).data().get("current_values");
    }

    private static String status(Api api, String contact, String type) {
        for (JsonNode s : api.get(PREFIX + "/contact-subscriptions/" + contact).data()) {
            if (s.get("subscription_type").get("uuid").asString().equals(type)) {
                return s.get("status").asString();
            }
        }
        throw new AssertionError("no subscription type " + type);
    }

    @Test
    void publicSubmissionForAKnownEmailOnlyAddsWhatIsMissing() {
        Api api = as(newAccount("Public form, known email"));
        attribute(api, "vip", "boolean", null);
        attribute(api, "hobbies", "multi_select", List.of("chess", "golf"));
        attribute(api, "shop", "select", List.of("north", "south"));
        String newsletter = FormsIT.subscriptionType(api, "Newsletter", "OPT_IN");
        String ada = contact(api, "ada@example.com", Map.of("firstname", "Ada", "birthdate", "1990-03-15", "vip", true,
                "hobbies", List.of("golf")));
        Api.Response unsubscribed = api.putJson(PREFIX + "/contact-subscriptions/" + ada + "/unsubscribe",
                Map.of("subscription_type_uuid", newsletter));
        assertThat(unsubscribed.status()).as(unsubscribed.toString()).isEqualTo(200);
        String form = publishedForm(api, "PUBLIC", List.of("firstname", "birthdate", "phonenumber", "vip", "hobbies", "shop"),
                Map.of("credits", 7, "subscription_type_uuids", List.of(newsletter)));
        String path = "/forms/" + form;

        FormPages.Page page = open(anonymous(), path);
        // someone who knows Ada's email: other values, an empty birthdate, no boxes ticked, two new details
        Api.Response stranger = submit(anonymous(), page, path, List.of(field("email", "ADA@example.com"),
                field("firstname", "Mallory"), field("birthdate", ""), field("phonenumber", "+31 20 123 4567"),
                field("shop", "south")));
        assertHtml(stranger, 200);

        JsonNode after = values(api, ada);
        assertThat(after.path("firstname").asString()).isEqualTo("Ada");
        assertThat(after.path("birthdate").asString()).isEqualTo("1990-03-15");
        assertThat(after.get("vip").asBoolean()).isTrue();
        assertThat(after.get("hobbies").toString()).isEqualTo("[\"golf\"]");
        assertThat(after.path("phonenumber").asString()).as("a missing value is added").isEqualTo("+31 20 123 4567");
        assertThat(after.path("shop").asString()).isEqualTo("south");
        assertThat(status(api, ada, newsletter)).as("the contact's own choice stays").isEqualTo("UNSUBSCRIBED");

        // a second submission with a different value for what is now filled, and empty fields, changes nothing
        FormPages.Page again = open(anonymous(), path);
        assertHtml(submit(anonymous(), again, path, List.of(field("email", "ada@example.com"), field("firstname", ""),
                field("phonenumber", "+44 20 7946 0000"), field("shop", "north"))), 200);
        JsonNode unchanged = values(api, ada);
        assertThat(unchanged.path("firstname").asString()).isEqualTo("Ada");
        assertThat(unchanged.path("birthdate").asString()).isEqualTo("1990-03-15");
        assertThat(unchanged.path("phonenumber").asString()).isEqualTo("+31 20 123 4567");
        assertThat(unchanged.path("shop").asString()).isEqualTo("south");

        // both were recorded as sent; the form's credits went to the email's contact once, as for any contact
        List<RecordedFormEvents.Received> events = RecordedFormEvents.of(form);
        assertThat(events).hasSize(2).allMatch(e -> e.event().contact().toString().equals(ada));
        assertThat(events.stream().mapToLong(e -> e.event().credits()).sum()).isEqualTo(7);
        assertThat(api.get(PREFIX + "/contacts/" + ada + "/credit-balance").data().get("balance").asLong()).isEqualTo(7);
        JsonNode submissions = api.get(FORMS + "/" + form + "/submissions").data();
        assertThat(submissions.get(0).get("answers").get("firstname").asString()).isEqualTo("Mallory");

        // a new email still gets everything it sends, and the thank-you page does not tell the two apart
        FormPages.Page fresh = open(anonymous(), path);
        Api.Response newcomer = submit(anonymous(), fresh, path, List.of(field("email", "grace@example.com"),
                field("firstname", "Grace"), field("birthdate", "1985-12-09")));
        assertHtml(newcomer, 200);
        assertThat(newcomer.body()).isEqualTo(stranger.body());
        String grace = api.get(PREFIX + "/contacts/find-one-by?email=grace@example.com").data().get("uuid").asString();
        assertThat(values(api, grace).get("firstname").asString()).isEqualTo("Grace");
        assertThat(values(api, grace).get("birthdate").asString()).isEqualTo("1985-12-09");
        assertThat(status(api, grace, newsletter)).isEqualTo("SUBSCRIBED");
        assertThat(page.body()).as("the page says what a known email may change")
                .contains("we only add details that are missing");
    }

    @Test
    void personalPageReplacesValuesAndAnEmptyFieldClearsOnlyAValueThePageShowed() {
        Api api = as(newAccount("Private form, known contact"));
        String ada = contact(api, "ada@example.com", Map.of("firstname", "Ada", "lastname", "Lovelace",
                "phonenumber", "+31 20 123 4567", "birthdate", "1990-03-15"));
        String form = publishedForm(api, "PRIVATE", List.of("firstname", "lastname", "phonenumber"), Map.of());
        String path = "/forms/" + form;
        FormPages.Page page = open(anonymous(), path + "?token=" + token(api, ada));
        assertHtml(page.response(), 200);
        // the form asks for the birthdate too after the page was opened: that page has no field for it
        Api.Response changed = api.putJson(FORMS + "/" + form, Map.of("fields",
                List.of("firstname", "lastname", "phonenumber", "birthdate")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        List<Map.Entry<String, String>> answers = new ArrayList<>(List.of(field("firstname", "Augusta Ada"),
                field("lastname", ""), field("phonenumber", "")));
        // the page showed lastname and phonenumber; lastname was emptied by the contact, phonenumber is sent
        // empty by a client that claims the page did not show it
        answers.add(field("_filled", page.hidden().getOrDefault("_filled", "").replace("phonenumber", "").trim()));
        assertHtml(submit(anonymous(), path, page.cookie(), withHidden(page, answers)), 200);

        JsonNode after = values(api, ada);
        assertThat(after.path("firstname").asString()).isEqualTo("Augusta Ada");
        assertThat(after.path("lastname").isMissingNode() || after.path("lastname").isNull())
                .as("emptied by the contact: cleared").isTrue();
        assertThat(after.path("phonenumber").asString()).as("empty, but not shown: kept").isEqualTo("+31 20 123 4567");
        assertThat(after.path("birthdate").asString()).as("not on the page: kept").isEqualTo("1990-03-15");
        assertThat(page.hidden().get("_filled")).isEqualTo("firstname lastname phonenumber");
        assertThat(page.body()).contains("To remove a saved detail, empty its field");
    }

    /** The page's _csrf and _token, and the answers (which carry their own _filled). */
    private static List<Map.Entry<String, String>> withHidden(FormPages.Page page, List<Map.Entry<String, String>> answers) {
        List<Map.Entry<String, String>> all = new ArrayList<>(answers);
        all.add(field("_csrf", page.hidden().get("_csrf")));
        all.add(field("_token", page.hidden().get("_token")));
        return all;
    }
}
