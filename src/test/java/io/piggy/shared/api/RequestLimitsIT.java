package io.piggy.shared.api;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import io.piggy.support.RawHttp;
import io.piggy.support.TestApps;
import io.piggy.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one request may ask of Piggy (issue 12): a body's size, the time it takes to arrive, the
 * shape it decodes to, its types; and that query strings and forms decode as PHP's would.
 */
class RequestLimitsIT extends ApiIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void slowUploadsHoldNoWorkSlot() throws Exception {
        Api api = as(newAccount("Slow"));
        // twice as many trickling uploads as this application has work slots (4: 2 cores, at least 4)
        List<Socket> uploads = new ArrayList<>();
        try {
            byte[] body = "{\"name\":\"Slow\",\"type\":\"web\"}".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 8; i++) {
                Socket socket = new Socket("localhost", port);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + PREFIX + "/shops HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + api.token()
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.write(body, 0, 1);
                out.flush();
                uploads.add(socket);
            }
            CompletableFuture<Api.Response> created = CompletableFuture.supplyAsync(() -> api.postJson(PREFIX + "/shops",
                    Map.of("name", "Fast", "type", "web")));
            CompletableFuture<Api.Response> listed = CompletableFuture.supplyAsync(() -> api.get(PREFIX + "/shops"));
            assertThat(created.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(listed.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            for (Socket upload : uploads) {
                upload.setSoTimeout(200);
                InputStream in = upload.getInputStream();
                try {
                    int read = in.read();
                    throw new AssertionError("a slow upload was answered before its body arrived: " + read);
                } catch (SocketTimeoutException stillWaiting) {
                    // as it should: its request has not begun
                }
            }
            // the rest of one body arrives: that request now runs like any other
            Socket last = uploads.get(0);
            last.getOutputStream().write(body, 1, body.length - 1);
            last.setSoTimeout(30_000);
            String answer = new String(last.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            assertThat(answer).isEqualTo("HTTP/1.1 200");
        } finally {
            for (Socket upload : uploads) {
                upload.close();
            }
        }
        assertThat(api.get(PREFIX + "/shops").data().findValuesAsString("name")).contains("Fast", "Slow");
    }

    @Test
    void aBodyPastTheLimitIs413AndStoresNothing() {
        Api api = as(newAccount("Huge"));
        byte[] huge = ("{\"email\":\"huge@example.com\",\"attributes\":{\"firstname\":\"" + "x".repeat(1_100_000) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Response declared = RawHttp.send(port, "POST", PREFIX + "/contacts",
                Map.of("Authorization", "Bearer " + api.token(), "Content-Type", "application/json"), huge);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(JSON.readTree(declared.body()).get("code").asInt()).isEqualTo(1413);

        // chunked, so its size is only known while it is read: 50 MB of a JSON array
        Api.Response chunked = api.send(api.request(PREFIX + "/contacts").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
                    private long left = 50_000_000;

                    @Override
                    public int read() {
                        return left-- > 0 ? (left == 49_999_999 ? '[' : '1') : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = (int) Math.min(len, left);
                        for (int i = 0; i < n; i++) {
                            b[off + i] = (byte) read();
                        }
                        return n;
                    }
                })));
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.code()).isEqualTo(1413);
        assertThat(api.get(PREFIX + "/contacts/find-one-by?email=huge@example.com").status()).isEqualTo(404);
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIs408() throws Exception {
        try (ConfigurableApplicationContext app = TestApps.start(Map.of(
                "server.port", "0",
                "piggy.database.url", TestDatabase.newDatabase(),
                "piggy.data-dir", Files.createTempDirectory("piggy-timeout").toString(),
                "piggy.bootstrap-token", "timeout-token",
                "piggy.http.body-timeout", "1s"));
             Socket socket = new Socket("localhost", TestApps.api(app, "timeout-token").port())) {
            socket.getOutputStream().write(("POST " + PREFIX + "/shops HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer timeout-token\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{")
                    .getBytes(StandardCharsets.UTF_8));
            socket.setSoTimeout(30_000);
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("\"code\":1408");
        }
    }

    @Test
    void queryStringsDecodeAsPhpDoes() {
        Api api = as(newAccount("Query"));
        RawHttp.Response created = RawHttp.send(port, "GET", PREFIX + "/contacts/find-or-create?email=50%off@example.com",
                Map.of("Authorization", "Bearer " + api.token()), null);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(JSON.readTree(created.body()).get("data").get("email").asString()).isEqualTo("50%off@example.com");
        for (String malformed : List.of("%", "%ZZ", "=", "=x&email=%")) {
            RawHttp.Response r = RawHttp.send(port, "GET", PREFIX + "/contacts/find-or-create?" + malformed,
                    Map.of("Authorization", "Bearer " + api.token()), null);
            assertThat(r.status()).as(malformed + ": " + r.body()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("errors").has("email")).as(malformed).isTrue();
        }
        RawHttp.Response blank = RawHttp.send(port, "GET", PREFIX + "/contacts/%20",
                Map.of("Authorization", "Bearer " + api.token()), null);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(JSON.readTree(blank.body()).get("code").asInt()).isEqualTo(1003);
    }

    @Test
    void aFormValueWithAPercentSignStaysAsWritten() {
        Api api = as(newAccount("Percent"));
        // what curl -d 'name=10% off' sends: the % is not escaped
        RawHttp.Response shop = RawHttp.send(port, "POST", PREFIX + "/shops", Map.of("Authorization", "Bearer " + api.token(),
                "Content-Type", "application/x-www-form-urlencoded"), "name=10% off+today&type=web".getBytes(StandardCharsets.UTF_8));
        assertThat(shop.status()).as(shop.body()).isEqualTo(200);
        assertThat(JSON.readTree(shop.body()).get("data").get("name").asString()).isEqualTo("10% off today");
    }

    @Test
    void oddFormsOutsideTheApiAreNo5xxEither() {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            for (String path : List.of("/forms/" + UUID.randomUUID(), "/actuator/health", "/swagger-ui/index.html", "/")) {
                RawHttp.Response r = RawHttp.send(port, method, path + "?q=%", Map.of("Content-Type",
                        "application/x-www-form-urlencoded"), "x=%ZZ&y=10% off&=z".getBytes(StandardCharsets.UTF_8));
                assertThat(r.status()).as(method + " " + path + ": " + r.body()).isBetween(200, 499);
                RawHttp.Response multipart = RawHttp.send(port, method, path, Map.of("Content-Type",
                        "multipart/form-data; boundary=b"), ("--b\r\nContent-Disposition: form-data; name=\"x\"; "
                        + "filename=\"a\u0000b\"\r\n\r\nx\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8));
                assertThat(multipart.status()).as(method + " " + path + " multipart: " + multipart.body()).isBetween(200, 499);
            }
        }
    }

    @Test
    void jsonBodiesAreTypedAndFormsAreStrings() {
        Api api = as(newAccount("Types"));
        for (Object wrong : List.of(false, 12, 1.5)) {
            Api.Response r = api.postJson(PREFIX + "/shops", Map.of("name", wrong, "type", "web"));
            assertThat(r.code()).as(String.valueOf(wrong)).isEqualTo(1003);
            assertThat(r.json().get("errors").has("name")).as(r.toString()).isTrue();
        }
        Api.Response numberAsText = api.postJson(PREFIX + "/contacts", Map.of("email", "typed@example.com"));
        String contact = numberAsText.data().get("uuid").asString();
        String shop = api.get(PREFIX + "/shops").data().get(0).get("uuid").asString();
        Api.Response textAsNumber = api.postJson(PREFIX + "/credit-receptions",
                Map.of("shop_uuid", shop, "contact_uuid", contact, "credits", "5"));
        assertThat(textAsNumber.code()).isEqualTo(1003);
        assertThat(textAsNumber.json().get("errors").has("credits")).as(textAsNumber.toString()).isTrue();
        assertThat(api.get(PREFIX + "/contacts/" + contact).data().get("credit_balance").get("balance").asLong()).isZero();

        // a form has only strings: they keep meaning numbers and booleans, as the PHP SDK sends them
        assertThat(api.form("POST", PREFIX + "/shops", List.of(field("name", "12"), field("type", "web")))
                .data().get("name").asString()).isEqualTo("12");
        assertThat(api.form("POST", PREFIX + "/credit-receptions", List.of(field("shop_uuid", shop),
                field("contact_uuid", contact), field("credits", "5"))).data().get("credits").asLong()).isEqualTo(5);
        assertThat(api.multipart("POST", PREFIX + "/credit-receptions", List.of(field("shop_uuid", shop),
                field("contact_uuid", contact), field("credits", "2"))).data().get("credits").asLong()).isEqualTo(2);
    }

    @Test
    void deepWideAndOddBodiesAre1003() {
        Api api = as(newAccount("Shapes"));
        Map<String, String> form = Map.of("Authorization", "Bearer " + api.token(),
                "Content-Type", "application/x-www-form-urlencoded");
        List<byte[]> refused = List.of(
                ("email=a@example.com&a" + "[b]".repeat(5000) + "=1").getBytes(StandardCharsets.UTF_8),
                "tags[]=x&".repeat(40_000).getBytes(StandardCharsets.UTF_8),
                ("email=a@example.com&attributes[firstname]=" + "x".repeat(200_000)).getBytes(StandardCharsets.UTF_8));
        for (byte[] body : refused) {
            RawHttp.Response r = RawHttp.send(port, "POST", PREFIX + "/contacts", form, body);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("code").asInt()).isEqualTo(1003);
        }
        Api.Response deepJson = api.postJson(PREFIX + "/contacts", "{\"email\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        assertThat(deepJson.code()).isEqualTo(1003);
        StringBuilder wide = new StringBuilder("{\"email\":\"w@example.com\",\"attributes\":{");
        for (int i = 0; i < 70_000; i++) {
            wide.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":1");
        }
        Api.Response wideJson = api.postJson(PREFIX + "/contacts", wide.append("}}").toString());
        assertThat(wideJson.code()).as(wideJson.toString()).isEqualTo(1003);

        String boundary = "odd";
        RawHttp.Response nulInFileName = RawHttp.send(port, "POST", PREFIX + "/contacts", Map.of(
                "Authorization", "Bearer " + api.token(), "Content-Type", "multipart/form-data; boundary=" + boundary),
                ("--odd\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nnul@example.com\r\n--odd\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"a\u0000b.txt\"\r\n\r\nx\r\n--odd--\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(nulInFileName.status()).as(nulInFileName.body()).isEqualTo(400);
        assertThat(JSON.readTree(nulInFileName.body()).get("code").asInt()).isEqualTo(1003);
        for (String email : List.of("a@example.com", "w@example.com", "nul@example.com")) {
            assertThat(api.get(PREFIX + "/contacts/find-one-by?email=" + email).status()).as(email).isEqualTo(404);
        }
    }

    @Test
    void nullInsideAListOfObjectsIs1003() {
        Api api = as(newAccount("Nulls"));
        JsonNode before = api.get(PREFIX + "/loyalty-program").data();
        Api.Response r = api.putJson(PREFIX + "/loyalty-program", "{\"earning_rules\":[null]}");
        assertThat(r.code()).as(r.toString()).isEqualTo(1003);
        assertThat(r.json().get("errors").propertyNames()).containsExactly("earning_rules.0");
        assertThat(api.get(PREFIX + "/loyalty-program").data()).isEqualTo(before);
    }
}
