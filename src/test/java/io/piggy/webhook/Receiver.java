package io.piggy.webhook;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A webhook receiver as a shop plugin is one: it checks the Signature header as the WooCommerce
 * plugin does (HMAC-SHA256 over the raw body, compared in constant time) and records what arrives.
 * On demand it answers 500, or sleeps past Piggy's timeout before answering.
 */
public final class Receiver implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    enum Mode { OK, FAIL, SLOW }

    /** {@code arrivedNanos}: System.nanoTime() when it arrived, for latencies measured in this JVM. */
    record Received(String path, String eventId, String timestamp, boolean signatureValid, JsonNode body,
                    long arrivedNanos) {
        String type() {
            return body.get("type").asString();
        }
    }

    private final HttpServer server;
    private final AtomicReference<String> secret = new AtomicReference<>();
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.OK);
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong pauseMillis = new java.util.concurrent.atomic.AtomicLong();

    Receiver(String secret) {
        this(secret, 16);
    }

    Receiver(String secret, int threads) {
        this.secret.set(secret);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Mode now = mode.get();
            if (now == Mode.SLOW || pauseMillis.get() > 0) {
                try {
                    Thread.sleep(now == Mode.SLOW ? 3_000 : pauseMillis.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (now == Mode.OK) {
                String signature = exchange.getRequestHeaders().getFirst("Signature");
                received.add(new Received(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Piggy-Event-Id"),
                        exchange.getRequestHeaders().getFirst("Piggy-Timestamp"),
                        signature != null && verify(signature, raw), JSON.readTree(raw), System.nanoTime()));
            }
            byte[] answer = (now == Mode.OK ? "ok" : "broken").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(now == Mode.OK ? 200 : 500, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** As the plugin's verify_webhook_signature: hash_hmac over the raw body, hash_equals. */
    private boolean verify(String signature, byte[] raw) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.get().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(raw)).getBytes(StandardCharsets.UTF_8);
            return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void mode(Mode m) {
        mode.set(m);
    }

    /** Each answer waits this long first: deliveries trickle in. */
    void pause(Duration pause) {
        pauseMillis.set(pause.toMillis());
    }

    void secret(String s) {
        secret.set(s);
    }

    int requests() {
        return requests.get();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
