package io.piggy.shared.api;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;
import java.util.UUID;

/**
 * Tells the idempotency filter which account a request acts for (keys are kept per account).
 * Provided by the feature that authenticates requests; empty when the request is not authenticated.
 */
public interface IdempotencyScope {
    Optional<UUID> accountOf(HttpServletRequest request);
}
