package io.piggy.account;

import java.util.UUID;

/** The tenant every request acts for; resolved from the bearer token, never from the request body. */
public record AccountId(UUID value) {
}
