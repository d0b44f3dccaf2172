package io.piggy.shared.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code Idempotency-Key} for every POST of the account API, kept in {@link IdempotencyKeys}: the
 * request runs in one transaction with its key; a second request with the same key waits for the
 * first, then gets the stored answer ({@code Idempotent-Replayed: true}); the same key with
 * another body gets 409 (1409).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
public class IdempotencyFilter extends OncePerRequestFilter {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private final IdempotencyKeys keys;
    private final IdempotencyScope scope;
    private final JsonMapper json;

    public IdempotencyFilter(IdempotencyKeys keys, IdempotencyScope scope, JsonMapper json) {
        this.keys = keys;
        this.scope = scope;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/v3/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        ApiException badKey = IdempotencyKeys.checkKey(key, HEADER, "Idempotency-Key header");
        if (badKey != null) {
            ErrorResponses.write(response, json, badKey);
            return;
        }
        Optional<UUID> account = scope.accountOf(request);
        if (account.isEmpty()) {
            chain.doFilter(request, response); // authentication answers it
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        IdempotencyKeys.Outcome outcome = keys.<IOException, ServletException>run(account.get(), key, hash(request, body), () -> {
            chain.doFilter(request, captured); // its body can be read again (RequestBodyFilter)
            int status = captured.getStatus();
            return status >= 200 && status < 300
                    ? new IdempotencyKeys.Answer(status, captured.getContentType(), captured.getContentAsByteArray())
                    : null;
        });
        if (outcome.reused()) {
            ErrorResponses.write(response, json, IdempotencyKeys.reused("Idempotency-Key"));
        } else if (outcome.replayed()) {
            IdempotencyKeys.Answer stored = outcome.answer();
            response.setStatus(stored.status());
            response.setHeader(REPLAYED, "true");
            if (stored.contentType() != null) {
                response.setContentType(stored.contentType());
            }
            response.getOutputStream().write(stored.body());
        } else {
            captured.copyBodyToResponse();
        }
    }

    /** Same method, path, query and body bytes; the form filter has already turned forms into JSON. */
    private static byte[] hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
