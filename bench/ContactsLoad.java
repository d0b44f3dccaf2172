import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Localhost load for bench/contacts-lookup.sh: warms up (10,000 requests per endpoint), then sends a bounded number of requests
 * per endpoint with a few threads (each run also stops after 5 minutes), and reports
 *  - server-side percentiles from the http.server.requests histogram (/actuator/prometheus),
 *    the difference of the bucket counts before and after the run: "p99 <= x ms" is the upper
 *    bound of the histogram bucket holding the 99th percentile;
 *  - client-side percentiles (exact, include the loopback HTTP round trip and the client's own CPU).
 *  - CPU time per request of the Piggy JVM (its pid) and of the PostgreSQL server processes
 *    (those whose command line holds the database name), from /proc: what one request costs the machine.
 * Usage: java bench/ContactsLoad.java <base url> <token> <sample.csv: uuid,email> <requests> <concurrency> [piggy pid] [database]
 */
public class ContactsLoad {
    static final Duration MAX_RUN = Duration.ofMinutes(5);
    static final int WARM_UP = 10_000;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        List<String[]> sample = Files.readAllLines(Path.of(args[2])).stream().filter(l -> l.contains(","))
                .map(l -> l.split(",", 2)).toList();
        int requests = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        long piggyPid = args.length > 5 ? Long.parseLong(args[5]) : -1;
        String database = args.length > 6 ? args[6] : null;
        String prefix = base + "/api/v3/oauth/clients/contacts/";
        Map<String, IntFunction<String>> endpoints = new java.util.LinkedHashMap<>();
        endpoints.put("/api/v3/oauth/clients/contacts/{contactUuid}", i -> prefix + sample.get(i % sample.size())[0]);
        endpoints.put("/api/v3/oauth/clients/contacts/find-one-by", i -> prefix + "find-one-by?email="
                + URLEncoder.encode(sample.get((i * 7919) % sample.size())[1], StandardCharsets.UTF_8));
        for (IntFunction<String> url : endpoints.values()) {
            run(url, token, WARM_UP, concurrency, 0); // warm-up of both before measuring either: JIT, caches, pool
        }
        for (Map.Entry<String, IntFunction<String>> e : endpoints.entrySet()) {
            Map<Double, Long> before = buckets(base, e.getKey());
            long jvmBefore = cpuTicks(piggyPid);
            long pgBefore = postgresTicks(database);
            long[] client = run(e.getValue(), token, requests, concurrency, requests);
            long jvm = cpuTicks(piggyPid) - jvmBefore;
            long pg = postgresTicks(database) - pgBefore;
            Map<Double, Long> after = buckets(base, e.getKey());
            report(e.getKey(), before, after, client);
            if (piggyPid > 0) {
                // /proc counts in clock ticks of 10 ms
                System.out.printf("  CPU per request: Piggy JVM %.3f ms, PostgreSQL %.3f ms%n",
                        jvm * 10.0 / client.length, pg * 10.0 / client.length);
            }
        }
    }

    /** @return client-side latencies in microseconds, sorted */
    static long[] run(IntFunction<String> url, String token, int n, int concurrency, int offset) throws Exception {
        long[] latencies = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long deadline = System.nanoTime() + MAX_RUN.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n && System.nanoTime() < deadline; i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url.apply(i + offset)))
                            .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
                    long start = System.nanoTime();
                    HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies[i] = (System.nanoTime() - start) / 1000;
                    if (response.statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests did not answer 200");
        }
        long[] done = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        return done;
    }

    /** utime + stime of a process, in clock ticks; 0 when unknown. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (Exception e) {
            return 0;
        }
    }

    /** CPU ticks of the PostgreSQL backends serving this database (they live as long as the pool's connections). */
    static long postgresTicks(String database) throws Exception {
        if (database == null) {
            return 0;
        }
        long ticks = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
                    if (cmd.startsWith("postgres: ") && cmd.contains(" " + database + " ")) {
                        ticks += cpuTicks(Long.parseLong(dir.getFileName().toString()));
                    }
                } catch (Exception gone) {
                    // the process ended meanwhile
                }
            }
        }
        return ticks;
    }

    /** Cumulative bucket counts (le in seconds → count) of the endpoint's 200 GET answers. */
    static Map<Double, Long> buckets(String base, String uri) throws Exception {
        String text = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                        .header("Authorization", "Bearer " + System.getenv().getOrDefault("PIGGY_METRICS_TOKEN", "")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Pattern line = Pattern.compile("^http_server_requests_seconds_bucket\\{(.*)\\} ([0-9.eE+]+)$", Pattern.MULTILINE);
        Map<Double, Long> buckets = new HashMap<>();
        Matcher m = line.matcher(text);
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("uri=\"" + uri + "\"") && labels.contains("method=\"GET\"") && labels.contains("status=\"200\"")) {
                Matcher le = Pattern.compile("le=\"([^\"]+)\"").matcher(labels);
                if (le.find()) {
                    double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                    buckets.merge(bound, (long) Double.parseDouble(m.group(2)), Long::sum);
                }
            }
        }
        return buckets;
    }

    static void report(String uri, Map<Double, Long> before, Map<Double, Long> after, long[] client) {
        List<Double> bounds = new ArrayList<>(after.keySet());
        bounds.sort(Double::compare);
        long total = after.getOrDefault(Double.POSITIVE_INFINITY, 0L) - before.getOrDefault(Double.POSITIVE_INFINITY, 0L);
        System.out.println("GET " + uri + ": " + client.length + " requests");
        StringBuilder server = new StringBuilder("  server (histogram bucket upper bounds):");
        for (double q : new double[]{0.5, 0.9, 0.99, 0.999}) {
            long rank = (long) Math.ceil(q * total);
            for (double b : bounds) {
                if (after.get(b) - before.getOrDefault(b, 0L) >= rank) {
                    server.append(String.format(" p%s <= %.3f ms", label(q), b * 1000));
                    break;
                }
            }
        }
        System.out.println(server);
        Double fiveMs = bounds.stream().filter(b -> Math.abs(b - 0.005) < 1e-9).findFirst().orElse(null);
        if (fiveMs != null && total > 0) {
            long within = after.get(fiveMs) - before.getOrDefault(fiveMs, 0L);
            System.out.printf("  server: %.2f%% of requests took over 5 ms%n", 100.0 * (total - within) / total);
        }
        System.out.printf("  client (exact, incl. loopback HTTP): p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n",
                pct(client, 0.5), pct(client, 0.9), pct(client, 0.99), pct(client, 0.999), client[client.length - 1] / 1000.0);
    }

    static String label(double q) {
        return q == 0.999 ? "99.9" : String.valueOf((int) Math.round(q * 100));
    }

    static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1000.0;
    }
}
