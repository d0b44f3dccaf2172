package io.piggy.shared.api;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/** Every error has Piggy's shape, the right status and code, and never a stack trace. */
class ErrorEnvelopeIT extends ApiIT {

    private static void assertPiggyError(Api.Response r, int status, int code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.json().get("code").asInt()).isEqualTo(code);
        assertThat(r.json().get("status_code").asInt()).isEqualTo(status);
        assertThat(r.json().get("message").asString()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.piggy").doesNotContain("at org.");
        assertThat(r.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void malformedJsonIsInvalidInput() {
        Api api = as(newAccount("Malformed"));
        assertPiggyError(api.postJson(PREFIX + "/shops", "{\"name\": "), 400, 1003);
        assertPiggyError(api.postJson(PREFIX + "/shops", "[1,2"), 400, 1003);
    }

    @Test
    void wrongTypesNameTheField() {
        Api api = as(newAccount("Wrong types"));
        Api.Response r = api.postJson(PREFIX + "/shops", "{\"name\": {\"a\": 1}, \"type\": \"web\"}");
        assertPiggyError(r, 400, 1003);
        assertThat(r.json().get("errors").has("name")).isTrue();
    }

    @Test
    void missingBodyIsInvalidInput() {
        Api api = as(newAccount("No body"));
        Api.Response r = api.send(api.request(PREFIX + "/shops").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertPiggyError(r, 400, 1003);
    }

    @Test
    void unsupportedBodyTypeIsInvalidInput() {
        Api api = as(newAccount("Unsupported"));
        Api.Response r = api.send(api.request(PREFIX + "/shops").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")));
        assertPiggyError(r, 400, 1003);
    }

    @Test
    void badPathParameterIsInvalidInput() {
        Api api = as(newAccount("Bad path"));
        Api.Response r = api.get(PREFIX + "/shops/not-a-uuid");
        assertPiggyError(r, 400, 1003);
        assertThat(r.json().get("errors").has("shop_uuid")).isTrue();
    }

    @Test
    void unknownRouteAndWrongMethod() {
        Api api = as(newAccount("Routes"));
        assertPiggyError(api.get(PREFIX + "/no-such-thing"), 404, 1404);
        assertPiggyError(api.delete(PREFIX + "/shops"), 405, 1405);
        assertPiggyError(anonymous().get("/no-such-page"), 404, 1404);
    }

    @Test
    void notFoundAndConflictCodes() {
        Api api = as(newAccount("Codes"));
        assertPiggyError(api.get(PREFIX + "/shops/0190d6b2-0000-7000-8000-000000000000"), 404, 1008);
        assertPiggyError(api.postJson(PREFIX + "/units", Map.of("name", "purchase_amount", "label", "x")), 409, 55045);
        assertPiggyError(anonymous().get(PREFIX + "/shops"), 401, 1401);
    }

    @Test
    void invalidInputListsEveryBadField() {
        Api api = as(newAccount("Field errors"));
        Api.Response r = api.postJson(PREFIX + "/units", Map.of("name", "Not Valid"));
        assertPiggyError(r, 400, 1003);
        assertThat(r.json().get("errors").propertyNames()).contains("name", "label");
        assertThat(r.json().get("errors").get("label").isArray()).isTrue();
    }

    @Test
    void everyResponseCarriesARequestIdAndRateLimitHeaders() {
        Api api = as(newAccount("Headers"));
        Api.Response ok = api.get(PREFIX + "/shops");
        assertThat(ok.header("X-Request-Id")).isNotBlank();
        assertThat(ok.header("X-RateLimit-Limit")).isEqualTo("5000");
        long remaining = Long.parseLong(ok.header("X-RateLimit-Remaining"));
        Api.Response next = api.get(PREFIX + "/shops");
        assertThat(Long.parseLong(next.header("X-RateLimit-Remaining"))).isEqualTo(remaining - 1);

        Api.Response error = api.get(PREFIX + "/shops/0190d6b2-0000-7000-8000-000000000000");
        assertThat(error.header("X-Request-Id")).isNotBlank();
        assertThat(error.header("X-RateLimit-Limit")).isEqualTo("5000");

        Api.Response echoed = api.send(api.request(PREFIX + "/shops").header("X-Request-Id", "till-42-abc").GET());
        assertThat(echoed.header("X-Request-Id")).isEqualTo("till-42-abc");
    }

    @Test
    void nulCharactersAreInvalidInputAndStoreNothing() {
        Api api = as(newAccount("NUL"));
        int shops = api.get(PREFIX + "/shops").data().size();
        assertPiggyError(api.postJson(PREFIX + "/shops", Map.of("name", "Till\u0000One", "type", "physical")), 400, 1003);
        assertThat(api.get(PREFIX + "/shops").data().size()).as("no shop written").isEqualTo(shops);
        assertPiggyError(api.get(PREFIX + "/products/find?external_identifier=%00"), 400, 1003);

        // into jsonb (a custom attribute of a reception): refused, and the balance did not move
        String shop = api.get(PREFIX + "/shops").data().get(0).get("uuid").asString();
        String contact = api.postJson(PREFIX + "/contacts", Map.of("email", "nul@example.com")).data().get("uuid").asString();
        assertPiggyError(api.postJson(PREFIX + "/credit-receptions",
                Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", 5, "note", "a\u0000b")), 400, 1003);
        assertThat(api.get(PREFIX + "/contacts/" + contact + "/credit-balance").data().get("balance").asLong()).isZero();
    }

    @Test
    void formFieldsWithoutANameAreDroppedAndTheBodyStaysAnObject() {
        Api api = as(newAccount("Nameless fields"));
        Api.Response created = api.form("POST", PREFIX + "/shops",
                List.of(Api.field("", "x"), Api.field("name", "Kiosk"), Api.field("type", "physical")));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertPiggyError(api.form("POST", PREFIX + "/shops", List.of(Api.field("0", "Kiosk"))), 400, 1003);
    }

    @Test
    void aListWhereANumberBelongsNamesTheField() {
        Api api = as(newAccount("List for a number"));
        Api.Response r = api.putJson(PREFIX + "/loyalty-program", Map.of("max_amount", List.of()));
        assertPiggyError(r, 400, 1003);
        assertThat(r.json().get("errors").has("max_amount")).as(r.toString()).isTrue();
    }

    @Test
    void aClientThatAcceptsOnlyHtmlStillGetsTheErrorInJson() {
        Api api = as(newAccount("Accept HTML"));
        Api.Response r = api.send(api.request(PREFIX + "/shops").setHeader("Accept", "text/html").GET());
        assertPiggyError(r, 400, 1003);
        Api.Response unknown = api.send(api.request(PREFIX + "/shops/not-a-uuid").setHeader("Accept", "text/html").GET());
        assertPiggyError(unknown, 400, 1003);
    }

    @Test
    void requestsTomcatRefusesGetPiggysErrorShapeToo() throws IOException {
        TestAccount account = newAccount("Tomcat refusals");
        String nulInPath = rawGet(account, PREFIX + "/contacts/%00");
        assertThat(nulInPath).startsWith("HTTP/1.1 400").contains("Content-Type: application/json")
                .contains("\"code\":1003").contains("\"status_code\":400").doesNotContain("<html");
        String brokenEscape = rawGet(account, PREFIX + "/contacts/%zz");
        assertThat(brokenEscape).startsWith("HTTP/1.1 400").contains("\"code\":1003").doesNotContain("<html");
    }

    /** java.net.http cannot send them, so this speaks HTTP on a socket, as curl -g does. */
    @Test
    void unencodedBracketsInTheQueryReachTheApi() throws IOException {
        TestAccount account = newAccount("Raw brackets");
        assertThat(rawGet(account, PREFIX + "/contacts?created_at[gte]=2020-01-01T00:00:00Z")).startsWith("HTTP/1.1 200");
        String refused = rawGet(account, PREFIX + "/contacts?created_at[gte]=yesterday");
        assertThat(refused).startsWith("HTTP/1.1 400").contains("Content-Type: application/json").contains("\"code\":1003");
    }

    private String rawGet(TestAccount account, String target) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + account.token()
                    + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
