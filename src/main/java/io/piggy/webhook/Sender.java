package io.piggy.webhook;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * POSTs one signed body and records how it went. Only the first {@link Attempt#RESPONSE_BYTES} of
 * an answer are kept; the rest is read and dropped, so a huge answer costs no memory. The total
 * timeout covers the whole exchange, the answer's body included.
 */
final class Sender {
    static final String SIGNATURE = "Signature";
    static final String EVENT_ID = "Piggy-Event-Id";
    static final String TIMESTAMP = "Piggy-Timestamp";
    static final String TIMESTAMP_SIGNATURE = "Piggy-Signature-Timestamped";

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    Sender(Duration connectTimeout, Duration timeout, Clock clock) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.clock = clock;
    }

    CompletableFuture<Attempt> send(String url, String eventId, byte[] body, String secret) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        String timestamp = Long.toString(at.getEpochSecond());
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json").header("User-Agent", "Piggy-Webhooks/1")
                    .header(SIGNATURE, Signatures.hmac(secret, body)).header(EVENT_ID, eventId).header(TIMESTAMP, timestamp)
                    .header(TIMESTAMP_SIGNATURE, Signatures.hmac(secret, signed(timestamp, eventId, body)))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Attempt(at, null, 0, null, "Bad url: " + e.getMessage()));
        }
        Prefix prefix = new Prefix();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArrayConsumer(prefix::accept))
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    long latency = (System.nanoTime() - started) / 1_000_000;
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        return new Attempt(at, null, latency, null, cause.getClass().getSimpleName()
                                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
                    }
                    return new Attempt(at, response.statusCode(), latency, prefix.text(), null);
                });
    }

    /** What {@link #TIMESTAMP_SIGNATURE} signs: {@code <timestamp>.<event id>.<body>}, so both headers are covered. */
    static byte[] signed(String timestamp, String eventId, byte[] body) {
        byte[] head = (timestamp + "." + eventId + ".").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** Keeps the first bytes of a body. */
    private static final class Prefix {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        synchronized void accept(Optional<byte[]> chunk) {
            chunk.ifPresent(bytes -> kept.write(bytes, 0, Math.min(bytes.length, Attempt.RESPONSE_BYTES - kept.size())));
        }

        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
