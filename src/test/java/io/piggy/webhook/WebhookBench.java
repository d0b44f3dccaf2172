package io.piggy.webhook;

import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark, not a test: credit receptions with and without one active credit_reception_created
 * subscription (back to back: none, one, none), the deliveries per second of the same run, and the
 * event-to-delivery latency at a paced 1,000 receptions/s (from the reception's answer, when its
 * event is committed, to the signed POST's arrival at a receiver in this JVM). Run through
 * bench/webhooks.sh, which starts Piggy and passes: base URL, token, seconds per phase, clients,
 * contacts, paced rate.
 */
public final class WebhookBench {
    private static final String API = "/api/v3/oauth/clients";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String shop;
    private final List<String> contacts = new ArrayList<>();

    private WebhookBench(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        WebhookBench bench = new WebhookBench(args[0], args[1]);
        int seconds = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        int contacts = Integer.parseInt(args[4]);
        int rate = Integer.parseInt(args[5]);
        bench.run(seconds, clients, contacts, rate);
        System.exit(0);
    }

    private HttpResponse<String> send(String method, String path, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + API + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest reception(int i) {
        return HttpRequest.newBuilder(URI.create(base + API + "/credit-receptions")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"shop_uuid\":\"" + shop + "\",\"contact_uuid\":\""
                        + contacts.get(i % contacts.size()) + "\",\"credits\":1}")).build();
    }

    private void run(int seconds, int clients, int contactCount, int rate) throws Exception {
        shop = JSON.readTree(send("GET", "/shops", null).body()).get("data").get(0).get("uuid").asString();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<String> made = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(contactCount);
        for (int i = 0; i < contactCount; i++) {
            int n = i;
            pool.execute(() -> {
                try {
                    made.add(JSON.readTree(send("POST", "/contacts", Map.of("email", "wh-bench-" + n + "-" + System.nanoTime()
                            + "@example.com")).body()).get("data").get("uuid").asString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        contacts.addAll(made);
        System.out.printf("%d contacts, %d clients, %d s per phase%n", contacts.size(), clients, seconds);

        try (Receiver receiver = new Receiver("bench-secret", 32)) {
            closedLoop("warm-up, no subscription", Math.max(3, seconds / 4), clients, null);
            double none1 = closedLoop("receptions, no subscription", seconds, clients, null);
            String subscription = JSON.readTree(send("POST", "/webhook-subscriptions", Map.of("name", "bench",
                    "event_type", "credit_reception_created", "url", receiver.url("/bench"), "secret", "bench-secret"))
                    .body()).get("data").get("uuid").asString();
            double one = closedLoop("receptions, one subscription", seconds, clients, receiver);
            send("PUT", "/webhook-subscriptions/" + subscription, Map.of("status", "INACTIVE"));
            awaitQuiet(receiver);
            double none2 = closedLoop("receptions, no subscription again", seconds, clients, null);
            System.out.printf("ratio one subscription / none: %.2f (against the first run), %.2f (against the second), "
                    + "%.2f (against their mean)%n", one / none1, one / none2, one / ((none1 + none2) / 2));
            send("PUT", "/webhook-subscriptions/" + subscription, Map.of("status", "ACTIVE"));
            paced(seconds, rate, receiver);
            send("DELETE", "/webhook-subscriptions/" + subscription, null);
        }
    }

    /** Receptions as fast as {@code clients} closed-loop clients go; with a receiver, its deliveries too. */
    private double closedLoop(String name, int seconds, int clients, Receiver receiver) throws Exception {
        int before = receiver == null ? 0 : receiver.received().size();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        int status = http.send(reception((int) next.getAndIncrement()), HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 200 ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double perSecond = ok.get() / elapsed;
        System.out.printf("%-36s %7.0f receptions/s  ok %7d  failed %d%n", name, perSecond, ok.get(), failed.get());
        if (receiver != null) {
            int during = receiver.received().size() - before;
            long drainStart = System.nanoTime();
            while (receiver.received().size() - before < ok.get()
                    && System.nanoTime() - drainStart < TimeUnit.SECONDS.toNanos(120)) {
                Thread.sleep(20);
            }
            double total = (System.nanoTime() - start) / 1e9;
            int delivered = receiver.received().size() - before;
            System.out.printf("%-36s %7.0f deliveries/s while receiving (%d), %7.0f deliveries/s to the last one "
                            + "(%d of %d in %.1f s)%n", "", during / elapsed, during, delivered / total, delivered, ok.get(), total);
        }
        return perSecond;
    }

    private static void awaitQuiet(Receiver receiver) throws InterruptedException {
        int last = -1;
        while (receiver.received().size() != last) {
            last = receiver.received().size();
            Thread.sleep(1000);
        }
    }

    /** {@code rate} receptions per second, opened on a schedule; latency from each answer to its delivery. */
    private void paced(int seconds, int rate, Receiver receiver) throws Exception {
        Map<String, Long> answered = new ConcurrentHashMap<>();
        AtomicLong failed = new AtomicLong();
        AtomicLong next = new AtomicLong();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        ticker.scheduleAtFixedRate(() -> {
            // catch up on ticks the scheduler missed, so the rate holds under load
            long due = Math.min(total, (System.nanoTime() - start) / periodNanos + 1);
            while (next.get() < due) {
                int i = (int) next.getAndIncrement();
                http.sendAsync(reception(i), HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                    if (e == null && r.statusCode() == 200) {
                        answered.put(JSON.readTree(r.body()).get("data").get("uuid").asString(), System.nanoTime());
                    } else {
                        failed.incrementAndGet();
                    }
                });
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        while (next.get() < total) {
            Thread.sleep(50);
        }
        ticker.shutdown();
        double opened = (System.nanoTime() - start) / 1e9;
        long wait = System.nanoTime();
        while (answered.size() + failed.get() < total && System.nanoTime() - wait < TimeUnit.SECONDS.toNanos(60)) {
            Thread.sleep(20);
        }
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        while (System.nanoTime() - wait < TimeUnit.SECONDS.toNanos(120)) {
            receiver.received().forEach(r -> arrived.putIfAbsent(r.body().get("data").get("uuid").asString(), r.arrivedNanos()));
            if (arrived.keySet().containsAll(answered.keySet())) {
                break;
            }
            Thread.sleep(50);
        }
        List<Long> latencies = new ArrayList<>();
        long missing = 0;
        for (Map.Entry<String, Long> a : answered.entrySet()) {
            Long at = arrived.get(a.getKey());
            if (at == null) {
                missing++;
            } else {
                latencies.add(Math.max(0, at - a.getValue()));
            }
        }
        Collections.sort(latencies);
        System.out.printf("paced %d/s for %d s: %d answered (%.0f/s opened), %d failed, %d not delivered; "
                        + "event to delivery p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", rate, seconds, answered.size(),
                total / opened, failed.get(), missing, pct(latencies, 0.50), pct(latencies, 0.99), pct(latencies, 1.0));
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
