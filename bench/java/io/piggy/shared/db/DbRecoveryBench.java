package io.piggy.shared.db;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kills the embedded PostgreSQL of a running Piggy with SIGKILL while clients post credit
 * receptions, and measures how long until a request started after the kill succeeds again.
 * Arguments: base URL, token, Piggy's data directory, rounds, clients. Run by bench/db-recovery.sh.
 */
public final class DbRecoveryBench {
    private static final String API = "/api/v3/oauth/clients";
    private static final Pattern UUID_FIELD = Pattern.compile("\"uuid\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Outcome(long startedAt, long answeredAt, int status, boolean retryAfter) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        Path dataDir = Path.of(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int clients = Integer.parseInt(args[4]);

        String shop = uuidOf(post(base, token, API + "/shops", "{\"name\":\"Recovery bench\",\"type\":\"physical\"}").body());
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            contacts.add(uuidOf(post(base, token, API + "/contacts",
                    "{\"email\":\"" + UUID.randomUUID() + "@example.com\"}").body()));
        }
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (String contact : contacts) {
            pool.submit(() -> {
                String body = "{\"shop_uuid\":\"" + shop + "\",\"contact_uuid\":\"" + contact + "\",\"credits\":1}";
                while (!stop.get()) {
                    long start = System.nanoTime();
                    int status;
                    boolean retryAfter = false;
                    try {
                        HttpResponse<String> r = post(base, token, API + "/credit-receptions", body);
                        status = r.statusCode();
                        retryAfter = r.headers().firstValue("Retry-After").isPresent();
                        if (status == 200) {
                            acknowledged.add(uuidOf(r.body()));
                        }
                    } catch (Exception e) {
                        status = -1;
                    }
                    outcomes.add(new Outcome(start, System.nanoTime(), status, retryAfter));
                }
                return null;
            });
        }

        List<Double> recoveries = new ArrayList<>();
        System.out.printf("%d clients posting credit receptions; %d kills of the postmaster (SIGKILL)%n", clients, rounds);
        for (int round = 1; round <= rounds; round++) {
            Thread.sleep(3000); // steady traffic
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            long killedAt = System.nanoTime();
            postmaster.destroyForcibly();
            // A backend that has not noticed its postmaster's death yet may still answer a request or two:
            // the outage starts with the first refused request, and ends with a success started after it.
            Outcome refused = await(outcomes, o -> o.startedAt() > killedAt && o.status() != 200, killedAt);
            Outcome back = await(outcomes, o -> o.startedAt() > refused.answeredAt() && o.status() == 200, killedAt);
            long backAt = back.answeredAt();
            double seconds = (backAt - killedAt) / 1e9;
            recoveries.add(seconds);
            List<Outcome> outage = outcomes.stream().filter(o -> o.answeredAt() > killedAt && o.answeredAt() <= backAt
                    && o.status() != 200).toList();
            long slowest = outage.stream().mapToLong(o -> (o.answeredAt() - o.startedAt()) / 1_000_000).max().orElse(0);
            System.out.printf("round %d: first success %.2f s after the kill; meanwhile %d answers %s, slowest %d ms%n",
                    round, seconds, outage.size(), summary(outage), slowest);
        }
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);

        long other = outcomes.stream().filter(o -> o.status() != 200 && !(o.status() == 503 && o.retryAfter())).count();
        long stored = stored(dataDir, acknowledged);
        List<Double> sorted = recoveries.stream().sorted().toList();
        System.out.printf("recovery: median %.2f s, min %.2f s, max %.2f s over %d kills%n",
                sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
        System.out.printf("requests: %d, acknowledged %d, in the ledger afterwards %d; answers other than 200 or 503+Retry-After: %d%n",
                outcomes.size(), acknowledged.size(), stored, other);
        if (stored != acknowledged.size() || other > 0) {
            System.exit(1);
        }
    }

    private static Outcome await(List<Outcome> outcomes, java.util.function.Predicate<Outcome> what, long killedAt)
            throws InterruptedException {
        while (System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(120)) {
            Optional<Outcome> found = outcomes.stream().filter(what)
                    .min((a, b) -> Long.compare(a.answeredAt(), b.answeredAt()));
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("not within 120 s of the kill: no outage, or no recovery");
    }

    private static String summary(List<Outcome> outage) {
        return outage.stream().collect(java.util.stream.Collectors.groupingBy(Outcome::status,
                java.util.TreeMap::new, java.util.stream.Collectors.counting())).toString();
    }

    private static long stored(Path dataDir, Set<String> ids) throws Exception {
        String port = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim(); // line 4: the port
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/piggy?user=postgres");
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM loyalty_transactions WHERE id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static HttpResponse<String> post(String base, String token, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String uuidOf(String body) {
        Matcher m = UUID_FIELD.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no uuid in " + body);
        }
        return m.group(1);
    }
}
