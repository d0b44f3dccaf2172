package io.piggy.webhook;

import java.time.Instant;

/** One attempt as the delivery log keeps it; {@code status} is null when no answer came. */
record Attempt(Instant at, Integer status, long latencyMillis, String response, String error) {
    /** The first bytes of an answer that are kept. */
    static final int RESPONSE_BYTES = 1024;
}
