package io.piggy.shared.api;

import io.piggy.shared.auth.Secrets;
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
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * X-RateLimit-Limit / X-RateLimit-Remaining on every API response, and 429 with Retry-After past
 * the per-token rate. Callers are told apart by their bearer token (hashed, never kept in clear)
 * once that token has been accepted; until then, and without a token, by their address. So
 * guessing tokens is limited per address, and made-up tokens cannot fill the limiter's memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RateLimitFilter extends OncePerRequestFilter {
    private static final int MAX_KNOWN_TOKENS = 10_000;
    private final RateLimiter limiter;
    /** Tokens that were accepted (answered other than 401): only these get a limit of their own. */
    private final Set<String> knownTokens = ConcurrentHashMap.newKeySet();
    private final JsonMapper json;

    public RateLimitFilter(@Value("${piggy.rate-limit.requests-per-minute}") long perMinute, Clock clock,
                           JsonMapper json) {
        this.limiter = new RateLimiter(perMinute, clock);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !(uri.startsWith("/api/") || uri.startsWith("/oauth/") || uri.equals("/mcp"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = tokenOf(request);
        boolean known = token != null && knownTokens.contains(token);
        RateLimiter.Decision decision = limiter.acquire(known ? token : "ip:" + request.getRemoteAddr());
        // a token's first request is let in by its address, but told what it leaves of the token's own limit
        RateLimiter.Decision shown = token != null && !known && decision.allowed() ? limiter.peek(token) : decision;
        response.setHeader("X-RateLimit-Limit", String.valueOf(shown.limit()));
        response.setHeader("X-RateLimit-Remaining", String.valueOf(shown.remaining()));
        if (!decision.allowed()) {
            response.setHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
            ErrorResponses.write(response, json, new ApiException(ErrorCode.TOO_MANY_REQUESTS,
                    "Too many requests for this token. Retry after " + decision.retryAfterSeconds() + " seconds."));
            return;
        }
        chain.doFilter(request, response);
        if (token != null && !known && response.getStatus() != HttpServletResponse.SC_UNAUTHORIZED) {
            if (knownTokens.size() >= MAX_KNOWN_TOKENS) {
                knownTokens.clear(); // a crowd, not a shop: they start again from their addresses
            }
            knownTokens.add(token);
            limiter.acquire(token); // its first request counts toward its own limit too
        }
    }

    /** The hashed bearer token, or null without one. */
    private static String tokenOf(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        return "token:" + HexFormat.of().formatHex(Secrets.hash(authorization), 0, 16);
    }
}
