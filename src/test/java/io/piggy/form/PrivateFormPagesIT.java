package io.piggy.form;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.piggy.form.FormPages.assertHtml;
import static io.piggy.form.FormPages.open;
import static io.piggy.form.FormPages.submit;
import static io.piggy.form.FormPagesIT.attribute;
import static io.piggy.form.FormPagesIT.publishedForm;
import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

/** PRIVATE pages: only with the contact's auth token, pre-filled with its values, submitted as that contact. */
class PrivateFormPagesIT extends ApiIT {

    static String contact(Api api, String email, Map<String, Object> attributes) {
        Api.Response created = api.postJson(PREFIX + "/contacts", Map.of("email", email));
        String uuid = created.data().get("uuid").asString();
        Api.Response updated = api.putJson(PREFIX + "/contacts/" + uuid, Map.of("attributes", attributes));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        return uuid;
    }

    static String token(Api api, String contact) {
        Api.Response r = api.get(PREFIX + "/contact-verification/auth-token/" + contact);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().asString();
    }

    @Test
    void privatePageNeedsTheContactsTokenAndPrefillsItsValues() {
        Api api = as(newAccount("Private form"));
        attribute(api, "hobbies", "multi_select", List.of("chess", "golf"));
        attribute(api, "vip", "boolean", null);
        attribute(api, "holiday", "date_range", null);
        String ada = contact(api, "ada@example.com", Map.of("firstname", "Ada", "hobbies", List.of("golf"), "vip", true,
                "holiday", Map.of("start", "2026-07-01", "end", "2026-07-14")));
        String form = publishedForm(api, "PRIVATE", List.of("firstname", "hobbies", "vip", "holiday"), Map.of("credits", 10));
        String path = "/forms/" + form;

        Api.Response noToken = anonymous().get(path);
        assertHtml(noToken, 401);
        assertThat(noToken.body()).doesNotContain("<form");
        assertHtml(anonymous().get(path + "?token=pct_forged"), 403);
        assertHtml(anonymous().get(path + "?token="), 401);
        Api other = as(newAccount("Private form stranger"));
        String stranger = contact(other, "eve@example.com", Map.of("firstname", "Eve"));
        assertHtml(anonymous().get(path + "?token=" + token(other, stranger)), 403);

        String token = token(api, ada);
        FormPages.Page page = open(anonymous(), path + "?token=" + token);
        assertHtml(page.response(), 200);
        String html = page.body();
        assertThat(html).contains("value=\"ada@example.com\"").contains("readonly");
        assertThat(html).contains("name=\"firstname\" type=\"text\" value=\"Ada\"");
        assertThat(html).contains("name=\"hobbies\" value=\"golf\" checked=\"checked\"")
                .doesNotContain("name=\"hobbies\" value=\"chess\" checked");
        assertThat(html).contains("name=\"vip\" type=\"checkbox\" value=\"true\" checked=\"checked\"");
        assertThat(html).contains("value=\"2026-07-01\"").contains("value=\"2026-07-14\"");
        assertThat(page.hidden().get("_token")).isEqualTo(token);

        // without the token the submission is refused; with it, it is the token's contact's, whatever email is sent
        List<Map.Entry<String, String>> answers = List.of(field("email", "mallory@example.com"), field("firstname", "Ada K"),
                field("hobbies", "chess"), field("holiday.start", "2026-08-01"), field("holiday.end", "2026-08-02"));
        assertHtml(submit(anonymous(), path, page.cookie(), List.of(field("_csrf", page.cookie()), field("firstname", "X"))), 401);
        assertHtml(submit(anonymous(), page, path, answers), 200);
        Map<String, Object> stored = Map.of();
        var attributes = api.get(PREFIX + "/contacts/" + ada).data().get("current_values");
        assertThat(attributes.get("firstname").asString()).isEqualTo("Ada K");
        assertThat(attributes.get("hobbies").toString()).isEqualTo("[\"chess\"]");
        assertThat(attributes.get("vip").asBoolean()).isFalse();
        assertThat(attributes.get("holiday").get("start").asString()).isEqualTo("2026-08-01");
        assertThat(stored).isEmpty();
        assertThat(api.get(PREFIX + "/contacts/find-one-by?email=mallory@example.com").code()).isEqualTo(55031);
        assertThat(RecordedFormEvents.of(form)).singleElement().satisfies(r -> {
            assertThat(r.event().contact().toString()).isEqualTo(ada);
            assertThat(r.event().firstSubmission()).isTrue();
            assertThat(r.event().credits()).isEqualTo(10);
        });

        api.delete(PREFIX + "/contact-verification/auth-token/" + ada);
        assertHtml(anonymous().get(path + "?token=" + token), 403);
    }
}
