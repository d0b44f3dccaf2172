package io.piggy.shared.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * X-RateLimit-Limit / X-RateLimit-Remaining on every API response, and 429 with Retry-After past
 * the per-token rate. Callers are told apart by their bearer token (hashed, never kept in clear),
 * or by address when they send none.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RateLimitFilter extends OncePerRequestFilter {
    private final RateLimiter limiter;
    private final JsonMapper json;

    public RateLimitFilter(@Value("${piggy.rate-limit.requests-per-minute}") long perMinute, Clock clock,
                           JsonMapper json) {
        this.limiter = new RateLimiter(perMinute, clock);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !(uri.startsWith("/api/") || uri.startsWith("/oauth/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter.Decision decision = limiter.acquire(callerOf(request));
        response.setHeader("X-RateLimit-Limit", String.valueOf(decision.limit()));
        response.setHeader("X-RateLimit-Remaining", String.valueOf(decision.remaining()));
        if (!decision.allowed()) {
            response.setHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
            ErrorResponses.write(response, json, new ApiException(ErrorCode.TOO_MANY_REQUESTS,
                    "Too many requests for this token. Retry after " + decision.retryAfterSeconds() + " seconds."));
            return;
        }
        chain.doFilter(request, response);
    }

    private static String callerOf(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return "ip:" + request.getRemoteAddr();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(authorization.getBytes(StandardCharsets.UTF_8));
            return "token:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
