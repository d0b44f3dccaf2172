package io.piggy.form;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cross-site request forgery protection for the hosted pages, without sessions: a double-submit
 * token. A page carries a random 256-bit value in a hidden field and in an HttpOnly,
 * SameSite=Strict cookie; a submission is accepted only when both arrive and are equal
 * (compared in constant time). Another site can make a browser post, but can neither read nor
 * set our cookie, and with SameSite=Strict the browser does not even send it along.
 */
@Component
class CsrfCookie {
    static final String COOKIE = "piggy_form_csrf";
    static final String FIELD = "_csrf";
    private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    private static final SecureRandom RANDOM = new SecureRandom();
    private final boolean secure;

    CsrfCookie(@Value("${piggy.public-url}") String publicUrl) {
        this.secure = publicUrl.startsWith("https:");
    }

    /** The token for a page: the browser's current one when it has a sound one, else a new one (set as cookie). */
    String issue(HttpServletRequest request, HttpServletResponse response) {
        String token = cookie(request).orElseGet(CsrfCookie::random);
        ResponseCookie cookie = ResponseCookie.from(COOKIE, token).path("/forms").httpOnly(true).sameSite("Strict")
                .secure(secure || request.isSecure()).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        return token;
    }

    boolean valid(HttpServletRequest request) {
        String field = request.getParameter(FIELD);
        Optional<String> cookie = cookie(request);
        return field != null && cookie.isPresent()
                && MessageDigest.isEqual(field.getBytes(StandardCharsets.UTF_8), cookie.get().getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(c -> COOKIE.equals(c.getName()) && c.getValue() != null && FORMAT.matcher(c.getValue()).matches())
                .map(Cookie::getValue).findFirst();
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
