package io.piggy.contact;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.piggy.contact.ContactCalls.createContact;
import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class ContactAuthIT extends ApiIT {
    static final String ME = "/api/v3/contact/me";

    @Autowired
    ContactAuthTokens tokens;

    @Test
    void theTokenIsAStringThatOpensTheContactApi() {
        TestAccount account = newAccount("Contact token");
        Api api = as(account);
        String contact = createContact(api, "me@example.com");
        RecordingContactExtensions.FACTS.put(UUID.fromString(contact), Map.of("loyalty_balance", 42L));
        Api.Response issued = api.get(PREFIX + "/contact-verification/auth-token/" + contact);
        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.data().isString()).isTrue();
        String token = issued.data().asString();

        Api.Response me = anonymous().as(token).get(ME);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.data().get("uuid").asString()).isEqualTo(contact);
        assertThat(me.data().get("credit_balance").get("balance").asLong()).isEqualTo(42);

        ContactSession session = tokens.resolve(token);
        assertThat(session.contact()).isEqualTo(UUID.fromString(contact));
        assertThat(session.account().value()).isEqualTo(UUID.fromString(account.uuid()));
        assertThat(api.get(PREFIX + "/contact-verification/auth-token/" + UUID.randomUUID()).code()).isEqualTo(55031);
    }

    @Test
    void tamperedRevokedExpiredAndOrphanedTokensAreRefused() throws Exception {
        Api api = as(newAccount("Contact token refusals"));
        String contact = createContact(api, "refused@example.com");
        String token = api.get(PREFIX + "/contact-verification/auth-token/" + contact).data().asString();
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        expect3000(anonymous().as(tampered).get(ME));
        expect3000(anonymous().as("pct_forged").get(ME));
        expect3000(anonymous().as("eyJpdiI6Ij").get(ME));
        Api.Response missing = anonymous().get(ME);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.code()).isEqualTo(1401);
        expect3000(api.get(ME)); // an account token is no contact token
        assertThat(anonymous().as(token).get(PREFIX + "/contacts/" + contact).code())
                .as("and a contact token opens no account route").isEqualTo(1401);

        String expiring = api.get(PREFIX + "/contact-verification/auth-token/" + contact).data().asString();
        assertThat(TestSql.update("UPDATE contact_auth_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = ?",
                (Object) io.piggy.shared.auth.Secrets.hash(expiring))).isEqualTo(1);
        expect3000(anonymous().as(expiring).get(ME));
        assertThat(anonymous().as(token).get(ME).status()).as("the other token still works").isEqualTo(200);

        Api.Response revoked = api.delete(PREFIX + "/contact-verification/auth-token/" + contact);
        assertThat(revoked.status()).isEqualTo(200);
        expect3000(anonymous().as(token).get(ME));
        assertThat(api.delete(PREFIX + "/contact-verification/auth-token/" + UUID.randomUUID()).code()).isEqualTo(55031);

        String beforeDelete = api.get(PREFIX + "/contact-verification/auth-token/" + contact).data().asString();
        api.postJson(PREFIX + "/contacts/" + contact + "/delete", Map.of("type", "DEFAULT"));
        expect3000(anonymous().as(beforeDelete).get(ME));
        assertThatThrownBy(() -> tokens.resolve(beforeDelete)).isInstanceOf(io.piggy.shared.api.ApiException.class);
    }

    @Test
    void sendAndVerifyAOneTimeCode(CapturedOutput output) {
        Api api = as(newAccount("Contact verification"));
        String contact = createContact(api, "verify@example.com");
        Api.Response sent = api.postJson(PREFIX + "/contact-verification/send", Map.of("email", "verify@example.com"));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.data().get("type").asString()).isEqualTo("Success");
        Matcher m = Pattern.compile("Verification code for contact " + contact + ": (\\d{6})").matcher(output.getOut());
        assertThat(m.find()).as("the code is logged").isTrue();
        String code = m.group(1);
        String wrong = code.equals("000000") ? "111111" : "000000";

        Api.Response miss = api.postJson(PREFIX + "/contact-verification/verify", Map.of("email", "verify@example.com", "code", wrong));
        assertThat(miss.code()).isEqualTo(13010);
        Api.Response hit = api.postJson(PREFIX + "/contact-verification/verify", Map.of("email", "verify@example.com", "code", code));
        assertThat(hit.status()).as(hit.toString()).isEqualTo(200);
        assertThat(hit.data().get("uuid").asString()).isEqualTo(contact);
        assertThat(api.postJson(PREFIX + "/contact-verification/verify", Map.of("email", "verify@example.com", "code", code)).code())
                .as("used up").isEqualTo(13010);

        assertThat(api.postJson(PREFIX + "/contact-verification/send", Map.of("email", "nobody@example.com")).code()).isEqualTo(55031);
        assertThat(api.postJson(PREFIX + "/contact-verification/send", Map.of("email", "nope")).code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/contact-verification/send", Map.of()).code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/contact-verification/verify", Map.of("email", "verify@example.com")).code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/contact-verification/verify", Map.of("email", "nobody@example.com", "code", code))
                .code()).isEqualTo(13010);
    }

    @Test
    void fiveMissesUseACodeUp(CapturedOutput output) {
        Api api = as(newAccount("Contact verification tries"));
        String contact = createContact(api, "tries@example.com");
        api.postJson(PREFIX + "/contact-verification/send", Map.of("email", "tries@example.com"));
        Matcher m = Pattern.compile("Verification code for contact " + contact + ": (\\d{6})").matcher(output.getOut());
        assertThat(m.find()).isTrue();
        String code = m.group(1);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < VerificationCodes.MAX_ATTEMPTS; i++) {
            assertThat(api.postJson(PREFIX + "/contact-verification/verify", Map.of("email", "tries@example.com", "code", wrong))
                    .code()).isEqualTo(13010);
        }
        assertThat(api.postJson(PREFIX + "/contact-verification/verify", Map.of("email", "tries@example.com", "code", code))
                .code()).isEqualTo(13010);
    }

    @Test
    void theContactApiIsDocumentedAsAnExtension() {
        JsonNode paths = anonymous().get("/v3/api-docs").json().get("paths");
        JsonNode me = paths.get(ME).get("get");
        assertThat(me.get("x-piggy-extension").asBoolean()).isTrue();
        assertThat(me.has("parameters")).as("the session comes from the token, not from parameters").isFalse();
        assertThat(paths.get("/api/v3/oauth/clients/tiers").get("post").get("x-piggy-extension").asBoolean()).isTrue();
        assertThat(paths.get("/api/v3/oauth/clients/contacts/{contactUuid}/claim").get("put").has("x-piggy-extension")).isFalse();
    }

    private static void expect3000(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        assertThat(r.code()).as(r.toString()).isEqualTo(3000);
    }
}
