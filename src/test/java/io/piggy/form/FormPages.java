package io.piggy.form;

import io.piggy.support.Api;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser's part in the page tests over plain HTTP: the CSRF cookie and hidden fields of a page. */
final class FormPages {
    private static final Pattern COOKIE = Pattern.compile("piggy_form_csrf=([A-Za-z0-9_-]+)");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"(_csrf|_token|_filled)\" value=\"([^\"]*)\"");

    private FormPages() {
    }

    /** A page as fetched: its body, and the cookie and hidden fields a submission sends back. */
    record Page(Api.Response response, String cookie, Map<String, String> hidden) {
        String body() {
            return response.body();
        }
    }

    static Page open(Api api, String path) {
        Api.Response response = api.get(path);
        Matcher cookie = COOKIE.matcher(String.join("; ", response.raw().headers().allValues("Set-Cookie")));
        Matcher hidden = HIDDEN.matcher(response.body());
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2));
        }
        return new Page(response, cookie.find() ? cookie.group(1) : null, fields);
    }

    /** Posts the fields with the page's cookie and hidden fields (each may be left out or overridden). */
    static Api.Response submit(Api api, String path, String cookie, List<Map.Entry<String, String>> fields) {
        String body = fields.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = api.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", "piggy_form_csrf=" + cookie);
        }
        return api.send(request);
    }

    static Api.Response submit(Api api, Page page, String path, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
        page.hidden().forEach((k, v) -> all.add(Map.entry(k, v)));
        return submit(api, path, page.cookie(), all);
    }

    static void assertHtml(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.body()).startsWith("<!DOCTYPE html>").doesNotContain("Exception").doesNotContain("at io.piggy");
    }
}
