package io.piggy.loyalty;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.piggy.account.AccountId;
import io.piggy.shared.db.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Benchmark, not a test: credit receptions per second over HTTP against a running Piggy, spread over
 * many contacts and all on one contact, then the same ledger statement run directly over JDBC (the
 * very {@link LoyaltyTransactions#append} the endpoint runs, without HTTP, authentication and
 * lookups) as the ceiling. Every phase is bounded in time and in count. Run through
 * bench/credit-receptions.sh, which starts Piggy on the embedded default and passes the arguments:
 * base URL, token, JDBC URL of Piggy's database, seconds per phase, clients, contacts, Piggy's pid and
 * the postmaster's pid.
 */
public final class CreditReceptionBench {
    private static final String API = "/api/v3/oauth/clients";
    private static final int MAX_PER_PHASE = 5_000_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private CreditReceptionBench(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** CPU time per reception of Piggy, its PostgreSQL and this load generator: what contention cannot skew. */
    record Result(String name, long ok, long failed, double seconds, long p50Micros, long p99Micros, Cpu cpu) {
        double perSecond() {
            return ok / seconds;
        }

        @Override
        public String toString() {
            return String.format("%-34s %7.0f/s  ok %8d  failed %4d  p50 %7.2f ms  p99 %7.2f ms  "
                            + "CPU µs/reception: piggy %4.0f  postgres %4.0f  load generator %4.0f",
                    name, perSecond(), ok, failed, p50Micros / 1000.0, p99Micros / 1000.0,
                    cpu.piggy() * 1000.0 / Math.max(1, ok), cpu.postgres() * 1000.0 / Math.max(1, ok),
                    cpu.generator() * 1000.0 / Math.max(1, ok));
        }
    }

    /** CPU milliseconds (user + system) from /proc; the PostgreSQL figure sums the postmaster and its children. */
    record Cpu(long piggy, long postgres, long generator) {
        static long piggyPid;
        static long postmasterPid;

        static Cpu now() {
            return new Cpu(millis(piggyPid), postgresMillis(), millis(ProcessHandle.current().pid()));
        }

        Cpu minus(Cpu before) {
            return new Cpu(piggy - before.piggy, postgres - before.postgres, generator - before.generator);
        }

        private static long postgresMillis() {
            long total = millis(postmasterPid);
            java.io.File[] procs = new java.io.File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
            for (java.io.File proc : procs == null ? new java.io.File[0] : procs) {
                String[] stat = stat(Long.parseLong(proc.getName()));
                if (stat != null && Long.parseLong(stat[3]) == postmasterPid) {
                    total += (Long.parseLong(stat[13]) + Long.parseLong(stat[14])) * 10;
                }
            }
            return total;
        }

        private static long millis(long pid) {
            String[] stat = stat(pid);
            return stat == null ? 0 : (Long.parseLong(stat[13]) + Long.parseLong(stat[14])) * 10; // 100 ticks/s
        }

        /** Fields of /proc/PID/stat after the command name (which may hold spaces), numbered as in proc(5) minus one. */
        private static String[] stat(long pid) {
            try {
                String text = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                String[] rest = text.substring(text.lastIndexOf(')') + 2).split(" ");
                String[] fields = new String[rest.length + 2];
                System.arraycopy(rest, 0, fields, 2, rest.length);
                return fields;
            } catch (java.io.IOException | RuntimeException gone) {
                return null;
            }
        }
    }

    public static void main(String[] args) {
        try {
            bench(args);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void bench(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String jdbcUrl = args[2];
        int seconds = Integer.parseInt(args[3]);
        int clients = Integer.parseInt(args[4]);
        int contactCount = Integer.parseInt(args[5]);
        Cpu.piggyPid = Long.parseLong(args[6]);
        Cpu.postmasterPid = Long.parseLong(args[7]);
        CreditReceptionBench bench = new CreditReceptionBench(base, token);

        AccountId account = new AccountId(UUID.fromString(bench.get(API).get("account_uuid").asString()));
        String shop = bench.get(API + "/shops").get(0).get("uuid").asString();
        long t0 = System.nanoTime();
        String[] contacts = bench.createContacts(contactCount, 32);
        String hot = bench.createContacts(1, 1)[0];
        System.out.printf("setup: %d contacts in %.1f s%n", contacts.length, (System.nanoTime() - t0) / 1e9);

        bench.http("warm-up (not counted)", Math.max(seconds, 30), clients,
                i -> contacts[ThreadLocalRandom.current().nextInt(contacts.length)], shop);
        List<Result> results = new ArrayList<>();
        results.add(bench.http("HTTP, spread over " + contacts.length, seconds, clients,
                i -> contacts[ThreadLocalRandom.current().nextInt(contacts.length)], shop));
        results.add(bench.http("HTTP, one hot contact", seconds, clients, i -> hot, shop));
        int slow = Integer.parseInt(System.getenv().getOrDefault("BENCH_SLOW_CLIENTS", "0"));
        if (slow > 0) { // the same spread phase again while clients trickle request bodies (bench/slow-clients.sh)
            try (SlowUploads uploads = SlowUploads.start(URI.create(base), token, slow)) {
                Thread.sleep(3000); // let them all get their headers in
                Result withSlow = bench.http("HTTP, spread, " + slow + " slow uploads", seconds, clients,
                        i -> contacts[ThreadLocalRandom.current().nextInt(contacts.length)], shop);
                System.out.printf("%nslow uploads in flight at the end: %d; receptions with them / without: %.0f%%%n",
                        uploads.inFlight(), 100 * withSlow.perSecond() / results.get(0).perSecond());
            }
        }

        if ("http".equals(System.getenv("BENCH_PHASES"))) {  // quick A/B runs of the request path
            return;
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(clients);
        try (HikariDataSource db = new HikariDataSource(config)) {
            LoyaltyTransactions ledger = new LoyaltyTransactions(JdbcClient.create(db), JSON);
            UUID shopId = UUID.fromString(shop);
            UUID[] contactIds = Arrays.stream(contacts).map(UUID::fromString).toArray(UUID[]::new);
            UUID hotId = UUID.fromString(hot);
            results.add(direct("direct JDBC, spread over " + contacts.length, seconds, clients, ledger, account, shopId,
                    i -> contactIds[ThreadLocalRandom.current().nextInt(contactIds.length)]));
            results.add(direct("direct JDBC, one hot contact", seconds, clients, ledger, account, shopId, i -> hotId));
            // 64 connections on 2 cores oversubscribe PostgreSQL too; as few as Piggy runs at once is the stricter ceiling
            int few = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
            results.add(direct("direct JDBC, spread, " + few + " threads", seconds, few, ledger, account, shopId,
                    i -> contactIds[ThreadLocalRandom.current().nextInt(contactIds.length)]));
        }
        System.out.println();
        results.forEach(System.out::println);
        System.out.printf("%nHTTP / direct: spread %.0f%%, hot contact %.0f%%%n",
                100 * results.get(0).perSecond() / results.get(2).perSecond(),
                100 * results.get(1).perSecond() / results.get(3).perSecond());
        System.out.printf("HTTP / the faster direct spread run: %.0f%%%n", 100 * results.get(0).perSecond()
                / Math.max(results.get(2).perSecond(), results.get(4).perSecond()));
    }

    private Result http(String name, int seconds, int clients, IntFunction<String> contact, String shop) throws Exception {
        URI uri = URI.create(base);
        ThreadLocal<KeepAliveClient> connection = ThreadLocal.withInitial(
                () -> new KeepAliveClient(uri.getHost(), uri.getPort(), token));
        try {
            return run(name, seconds, clients, i -> connection.get().post(API + "/credit-receptions",
                    "{\"shop_uuid\":\"" + shop + "\",\"contact_uuid\":\"" + contact.apply(i) + "\",\"credits\":1}") == 200);
        } finally {
            KeepAliveClient.closeAll();
        }
    }

    private static Result direct(String name, int seconds, int clients, LoyaltyTransactions ledger, AccountId account,
                                 UUID shop, IntFunction<UUID> contact) throws Exception {
        return run(name, seconds, clients, i -> {
            LedgerEntry entry = new LedgerEntry(Ids.next(), LedgerEntry.CREDIT_RECEPTION, contact.apply(i), shop, 1,
                    null, null, null, null, null, LedgerEntry.API_CHANNEL, Instant.now());
            return ledger.append(account, entry, LedgerEntry.Details.NONE).isPresent();
        });
    }

    /**
     * Clients that send a request's headers, then its body at 2 bytes a second, one after another
     * for as long as they run: the slow uploads of issue 12 (a phone on a bad line, or a deliberate attack).
     */
    static final class SlowUploads implements AutoCloseable {
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicInteger inFlight = new AtomicInteger();
        private volatile boolean stopped;

        static SlowUploads start(URI base, String token, int count) {
            SlowUploads uploads = new SlowUploads();
            for (int i = 0; i < count; i++) {
                Thread t = new Thread(() -> uploads.trickle(base, token), "slow-upload-" + i);
                t.setDaemon(true);
                uploads.threads.add(t);
                t.start();
            }
            return uploads;
        }

        private void trickle(URI base, String token) {
            byte[] body = "{\"shop_uuid\":\"00000000-0000-0000-0000-000000000000\",\"credits\":1}".repeat(10)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            while (!stopped) {
                try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
                    java.io.OutputStream out = socket.getOutputStream();
                    out.write(("POST " + API + "/credit-receptions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + token + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                            + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    out.flush();
                    inFlight.incrementAndGet();
                    try {
                        for (int i = 0; i < body.length && !stopped; i += 2) {
                            out.write(body, i, Math.min(2, body.length - i));
                            out.flush();
                            Thread.sleep(1000);
                        }
                    } finally {
                        inFlight.decrementAndGet();
                    }
                } catch (java.io.IOException e) {
                    sleepQuietly(); // refused or closed by the server: start over
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private static void sleepQuietly() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        int inFlight() {
            return inFlight.get();
        }

        @Override
        public void close() {
            stopped = true;
            threads.forEach(Thread::interrupt);
        }
    }

    interface Call {
        boolean call(int i) throws Exception;
    }

    /** {@code clients} threads call as fast as they can for {@code seconds} (and at most MAX_PER_PHASE calls). */
    private static Result run(String name, int seconds, int clients, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger issued = new AtomicInteger();
        Cpu cpuBefore = Cpu.now();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Future<long[]>> futures = new ArrayList<>();
        long[] failed = new long[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int n = 0;
                while (System.nanoTime() < end && issued.incrementAndGet() <= MAX_PER_PHASE) {
                    long t = System.nanoTime();
                    boolean ok = call.call(n);
                    if (!ok) {
                        failed[client]++;
                        continue;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = (System.nanoTime() - t) / 1000;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        try {
            for (Future<long[]> f : futures) {
                all.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Cpu cpu = Cpu.now().minus(cpuBefore);
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        long p50 = latencies.length == 0 ? 0 : latencies[(int) (latencies.length * 0.50)];
        long p99 = latencies.length == 0 ? 0 : latencies[(int) Math.min(latencies.length - 1, latencies.length * 0.99)];
        Result result = new Result(name, latencies.length, Arrays.stream(failed).sum(), elapsed, p50, p99, cpu);
        System.out.println(result);
        return result;
    }

    private String[] createContacts(int count, int threads) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String[] contacts = new String[count];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            futures.add(pool.submit(() -> {
                for (int i = first; i < count; i += threads) {
                    String body = "{\"email\":\"bench-" + run + "-" + i + "-" + UUID.randomUUID() + "@example.com\"}";
                    HttpResponse<String> r = http.send(request(API + "/contacts").header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("Creating a contact failed: " + r.statusCode() + " " + r.body());
                    }
                    contacts[i] = JSON.readTree(r.body()).get("data").get("uuid").asString();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return contacts;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("data");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token);
    }

    /**
     * The load generator's HTTP: one kept-alive HTTP/1.1 connection per client thread, written and
     * read by hand. It costs a fraction of java.net.http's CPU, which on a 2-core machine would
     * otherwise be taken from the server being measured.
     */
    static final class KeepAliveClient {
        private static final List<KeepAliveClient> OPEN = java.util.Collections.synchronizedList(new ArrayList<>());
        private final String host;
        private final int port;
        private final String headers;
        private java.net.Socket socket;
        private java.io.BufferedInputStream in;
        private java.io.OutputStream out;

        KeepAliveClient(String host, int port, String token) {
            this.host = host;
            this.port = port;
            headers = "Host: " + host + ":" + port + "\r\nAuthorization: Bearer " + token
                    + "\r\nAccept: application/json\r\nContent-Type: application/json\r\n";
            OPEN.add(this);
        }

        /** (Re)connects: Tomcat closes a kept-alive connection after 100 requests, as real servers do. */
        private void connect() throws java.io.IOException {
            socket = new java.net.Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
            out = new java.io.BufferedOutputStream(socket.getOutputStream(), 4096);
        }

        /** @return the status code; the body is read and dropped */
        int post(String path, String json) throws java.io.IOException {
            if (socket == null) {
                connect();
            }
            byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.write(("POST " + path + " HTTP/1.1\r\n" + headers + "Content-Length: " + body.length + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                } else if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            if (close) {
                socket.close();
                socket = null;
            }
            return code;
        }

        private String line() throws java.io.IOException {
            StringBuilder sb = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("connection closed");
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }

        private void skip(long n) throws java.io.IOException {
            for (long left = n; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new java.io.EOFException("connection closed");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        static void closeAll() {
            synchronized (OPEN) {
                for (KeepAliveClient c : OPEN) {
                    try {
                        if (c.socket != null) {
                            c.socket.close();
                        }
                    } catch (java.io.IOException ignored) {
                        // closing at the end of a phase
                    }
                }
                OPEN.clear();
            }
        }
    }
}
