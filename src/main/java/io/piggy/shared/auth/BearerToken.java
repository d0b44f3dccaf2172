package io.piggy.shared.auth;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/** Reads {@code Authorization: Bearer <token>}. */
public final class BearerToken {
    private BearerToken() {
    }

    public static Optional<String> of(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
