package io.piggy.voucher;

import io.piggy.PiggyApplication;
import io.piggy.shared.db.EmbeddedDatabase;
import io.piggy.shared.db.Ids;
import io.piggy.support.Api;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.piggy.support.Api.PREFIX;

/**
 * Voucher benchmarks on the embedded default (durable PostgreSQL in a fresh data directory), over
 * real HTTP on localhost. Not a test: run with bench/vouchers.sh. Every loop is bounded in count
 * and time. Parts: copy (bare COPY baseline), batch, find, redeem, flash.
 */
public final class VoucherBench {
    private static final String TOKEN = "bench-token";
    private static final Map<String, String> ARGS = new HashMap<>();
    /** Tells this run's contacts from an earlier run's in a reused data directory. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    public static void main(String[] args) throws Exception {
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            ARGS.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        long batchSize = arg("batch", 1_000_000);
        long findTotal = arg("find-total", 10_000_000);
        int finds = (int) arg("finds", 10_000);
        int redeems = (int) arg("redeems", 20_000);
        int flash = (int) arg("flash", 100_000);
        int clients = (int) arg("clients", 64);
        // --data-dir=PATH reuses the data of an earlier run (e.g. its 10 million vouchers for find)
        Path dataDir = ARGS.containsKey("data-dir") ? Path.of(ARGS.get("data-dir")) : Files.createTempDirectory("piggy-bench");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(PiggyApplication.class).run(
                "--server.port=0", "--piggy.data-dir=" + dataDir, "--piggy.bootstrap-token=" + TOKEN,
                "--piggy.rate-limit.requests-per-minute=100000000", "--logging.level.root=WARN");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Api api = new Api("http://localhost:" + port, TOKEN);
            String jdbc = app.getBean(EmbeddedDatabase.class).jdbcUrl();
            UUID account = UUID.fromString(queryString(jdbc, "SELECT account_id::text FROM access_tokens LIMIT 1"));
            String promotion = create(api, "/promotions", Map.of("name", "Bench", "description", "Bench"));
            report("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version") + "; data in " + dataDir);

            double copyRate = 0;
            if (batchSize > 0) {
                copyRate = bareCopy(jdbc, account, UUID.fromString(promotion), batchSize);
                batch(api, promotion, batchSize, copyRate);
            }
            if (findTotal > 0) {
                find(api, jdbc, account, UUID.fromString(promotion), findTotal, finds);
            }
            if (redeems > 0) {
                redeem(api, jdbc, account, redeems, clients);
            }
            if (flash > 0) {
                singleRowCeiling(jdbc, clients, 20_000);
                flash(api, jdbc, account, flash, clients);
            }
        } finally {
            app.close();
        }
    }

    private static long arg(String name, long fallback) {
        return ARGS.containsKey(name) ? Long.parseLong(ARGS.get(name).replace("_", "")) : fallback;
    }

    /** COPY of n voucher rows into a copy of the vouchers table with all its indexes: the floor we compare with. */
    private static double bareCopy(String jdbc, UUID account, UUID promotion, long n) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_copy (LIKE vouchers INCLUDING ALL)");
            }
            c.commit();
            long t0 = System.nanoTime();
            // distinct codes that look random (random ones would collide now and then and abort the COPY)
            copyVouchers(c, "bench_copy", account, promotion, n, i -> scrambled(i).substring(1));
            c.commit();
            double seconds = (System.nanoTime() - t0) / 1e9;
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_copy");
            }
            c.commit();
            double rate = n / seconds;
            report(String.format("Bare COPY of %,d voucher rows (PK + unique (account, upper(code)) + promotion index): "
                    + "%.1f s, %,.0f rows/s", n, seconds, rate));
            return rate;
        }
    }

    private static void copyVouchers(Connection c, String table, UUID account, UUID promotion, long n,
                                     java.util.function.LongFunction<String> code) throws Exception {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table
                + " (account_id, id, code, promotion_id, redemptions_allowed, created_at, updated_at) FROM STDIN");
        String now = Instant.now().toString();
        StringBuilder sb = new StringBuilder(1 << 20);
        for (long i = 0; i < n; i++) {
            sb.append(account).append('\t').append(Ids.next()).append('\t').append(code.apply(i)).append('\t')
                    .append(promotion).append("\t1\t").append(now).append('\t').append(now).append('\n');
            if (sb.length() > (1 << 20) - 256) {
                byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                sb.setLength(0);
            }
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
    }

    private static void batch(Api api, String promotion, long n, double copyRate) throws Exception {
        long t0 = System.nanoTime();
        Api.Response created = api.postJson(PREFIX + "/vouchers/batch", Map.of("promotion_uuid", promotion, "quantity", n));
        long answered = System.nanoTime();
        String batch = created.data().get("uuid").asString();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        JsonNode b;
        do {
            Thread.sleep(100);
            b = api.get(PREFIX + "/vouchers/batches/" + batch).data();
        } while (!b.get("status").asString().matches("COMPLETED|FAILED") && Instant.now().isBefore(deadline));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = b.get("generated").asLong() / seconds;
        report(String.format("Batch of %,d codes end to end (POST answered in %.0f ms, %s): %.1f s, %,.0f codes/s "
                        + "= %.2f of the bare COPY rate", n, (answered - t0) / 1e6, b.get("status").asString(),
                seconds, rate, rate / copyRate));
    }

    /** Bijective scramble of a counter into 8 characters of the default charset, so loaded codes are unique. */
    private static String scrambled(long i) {
        long x = (i * 0x9E3779B97L + 0x5DEECE66DL) & ((1L << 40) - 1);
        char[] c = new char[9];
        c[0] = 'Z'; // 9 characters: never equal to an 8-character generated code
        for (int k = 8; k >= 1; k--) {
            c[k] = CodeFormat.DEFAULT_CHARSET.charAt((int) (x & 31));
            x >>>= 5;
        }
        return new String(c);
    }

    private static void find(Api api, String jdbc, UUID account, UUID promotion, long total, int finds) throws Exception {
        long existing = Long.parseLong(queryString(jdbc, "SELECT count(*)::text FROM vouchers"));
        long toLoad = Math.max(0, total - existing);
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbc)) {
            c.setAutoCommit(false);
            copyVouchers(c, "vouchers", account, promotion, toLoad, VoucherBench::scrambled);
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE vouchers");
            }
            c.commit();
        }
        report(String.format("Loaded %,d more vouchers with COPY in %.0f s (account now holds %,d)", toLoad,
                (System.nanoTime() - t0) / 1e9, existing + toLoad));
        long loaded = Long.parseLong(queryString(jdbc,
                "SELECT count(*)::text FROM vouchers WHERE code LIKE 'Z%' AND length(code) = 9"));
        SecureRandom random = new SecureRandom();
        // a server answers warm: C2 keeps compiling the request path for some 20 s (-Xlog:jit+compilation)
        int warmup = (int) arg("find-warmup", 20_000);
        long[] latencies = new long[finds];
        int notFound = 0;
        for (int i = 0; i < warmup + finds; i++) {
            String code = scrambled(Math.floorMod(random.nextLong(), Math.max(1, loaded)));
            if (random.nextBoolean()) {
                code = code.toLowerCase();
            }
            long s = System.nanoTime();
            Api.Response r = api.get(PREFIX + "/vouchers/find?code=" + code);
            long took = System.nanoTime() - s;
            if (r.status() != 200) {
                notFound++;
            }
            if (i >= warmup) {
                latencies[i - warmup] = took;
            }
        }
        report(String.format("Find by code with %,d vouchers in the account, %,d sequential requests after %,d warm-up: "
                + "%s; %d not found", existing + toLoad, finds, warmup, percentiles(latencies), notFound));
        // the database's share: the same lookup over JDBC, without HTTP, authentication and JSON
        long[] sql = new long[finds];
        try (Connection c = DriverManager.getConnection(jdbc); var lookup = c.prepareStatement(
                "SELECT id, promotion_id FROM vouchers WHERE account_id = ? AND upper(code) = upper(?)")) {
            for (int i = 0; i < finds; i++) {
                lookup.setObject(1, account);
                lookup.setString(2, scrambled(Math.floorMod(random.nextLong(), Math.max(1, loaded))));
                long s = System.nanoTime();
                try (var rs = lookup.executeQuery()) {
                    rs.next();
                }
                sql[i] = System.nanoTime() - s;
            }
        }
        report(String.format("  the same lookup in SQL alone (JDBC, %,d queries): %s", finds, percentiles(sql)));
    }

    private static List<String> contacts(String jdbc, UUID account, int n, String prefix) throws Exception {
        List<String> ids = new ArrayList<>(n);
        try (Connection c = DriverManager.getConnection(jdbc)) {
            c.setAutoCommit(false);
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY contacts (account_id, id, email, email_key, channel, created_at, updated_at) FROM STDIN");
            String now = Instant.now().toString();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String id = Ids.next().toString();
                ids.add(id);
                String email = prefix + i + "." + RUN + "@bench.example";
                sb.append(account).append('\t').append(id).append('\t').append(email).append('\t').append(email)
                        .append("\tOAUTH_API\t").append(now).append('\t').append(now).append('\n');
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
            c.commit();
        }
        return ids;
    }

    private interface Call {
        Api.Response call(int client, int index);
    }

    private record Run(int ok, int rejected, int errors, double seconds, long[] latencies, Map<Integer, Integer> codes) {
    }

    /** {@code total} calls spread over {@code clients} threads, stopping at the time bound. */
    private static Run concurrent(int clients, int total, Duration bound, Call call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        Map<Integer, Integer> codes = new java.util.concurrent.ConcurrentHashMap<>();
        long deadline = System.nanoTime() + bound.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total && System.nanoTime() < deadline) {
                    long s = System.nanoTime();
                    Api.Response r;
                    try {
                        r = call.call(client, i);
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                        continue;
                    }
                    latencies[i] = System.nanoTime() - s;
                    if (r.status() == 200) {
                        ok.incrementAndGet();
                    } else if (r.status() < 500) {
                        rejected.incrementAndGet();
                        codes.merge(r.code(), 1, Integer::sum);
                    } else {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return new Run(ok.get(), rejected.get(), errors.get(), seconds,
                Arrays.stream(latencies).filter(l -> l >= 0).toArray(), codes);
    }

    private static void redeem(Api api, String jdbc, UUID account, int n, int clients) throws Exception {
        List<String> contacts = contacts(jdbc, account, clients, "redeemer");
        // distinct unredeemed single-use codes from random pages of the table
        List<String> codes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc);
             var rs = c.createStatement().executeQuery("SELECT code FROM vouchers TABLESAMPLE SYSTEM (5)"
                     + " WHERE times_redeemed = 0 AND redemptions_allowed = 1 AND contact_id IS NULL LIMIT " + n)) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        Run run = concurrent(clients, codes.size(), Duration.ofMinutes(5), (client, i) -> api.postJson(
                PREFIX + "/vouchers/redeem", Map.of("code", codes.get(i), "contact_uuid", contacts.get(client))));
        report(String.format("Redeem, %d clients on distinct codes: %,d redeemed in %.1f s = %,.0f redeems/s; %s; "
                        + "rejected %d %s, errors %d", clients, run.ok(), run.seconds(), run.ok() / run.seconds(),
                percentiles(run.latencies()), run.rejected(), run.codes(), run.errors()));
    }

    private static void flash(Api api, String jdbc, UUID account, int n, int clients) throws Exception {
        String promotion = create(api, "/promotions", Map.of("name", "Flash", "description", "Flash sale",
                "type", "MULTI_USE", "redemptions_per_voucher", n, "limit_per_contact", 1));
        String code = "FLASH-" + RUN;
        api.postJson(PREFIX + "/vouchers", Map.of("promotion_uuid", promotion, "code", code));
        List<String> contacts = contacts(jdbc, account, n + clients, "flash");
        int attempts = n + clients; // every redemption, then one refused call per client
        Run run = concurrent(clients, attempts, Duration.ofMinutes(15), (client, i) -> api.postJson(
                PREFIX + "/vouchers/redeem", Map.of("code", code, "contact_uuid", contacts.get(i))));
        String times = queryString(jdbc, "SELECT times_redeemed::text FROM vouchers WHERE code = '" + code + "'");
        report(String.format("Flash sale, one MULTI_USE code allowing %,d, %d clients as different contacts "
                        + "(limit_per_contact 1): %,d redeemed in %.1f s = %,.0f redeems/s; %s; rejected %d %s; errors %d; "
                        + "times_redeemed in the database %s", n, clients, run.ok(), run.seconds(),
                run.ok() / run.seconds(), percentiles(run.latencies()), run.rejected(), run.codes(), run.errors(), times));
    }

    /** The bare hot-row limit: durable autocommit UPDATEs of one row from {@code clients} connections. */
    private static void singleRowCeiling(String jdbc, int clients, int total) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_hot_row (id int PRIMARY KEY, n bigint NOT NULL)");
            s.execute("INSERT INTO bench_hot_row VALUES (1, 0) ON CONFLICT DO NOTHING");
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long t0 = System.nanoTime();
        List<Future<Integer>> done = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            done.add(pool.submit(() -> {
                int n = 0;
                try (Connection c = DriverManager.getConnection(jdbc);
                     var update = c.prepareStatement("UPDATE bench_hot_row SET n = n + 1 WHERE id = 1")) {
                    while (next.getAndIncrement() < total && System.nanoTime() < deadline) {
                        update.executeUpdate();
                        n++;
                    }
                }
                return n;
            }));
        }
        int updates = 0;
        for (Future<Integer> f : done) {
            updates += f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        report(String.format("Bare single-row UPDATE (durable autocommit, %d connections): %,d in %.1f s = %,.0f tx/s",
                clients, updates, seconds, updates / seconds));
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return "no samples";
        }
        return String.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms", at(sorted, 0.50),
                at(sorted, 0.90), at(sorted, 0.99), at(sorted, 0.999), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static String create(Api api, String path, Map<String, Object> body) {
        Api.Response r = api.postJson(PREFIX + path, body);
        if (r.status() != 200) {
            throw new IllegalStateException(path + ": " + r);
        }
        return r.data().get("uuid").asString();
    }

    private static String queryString(String jdbc, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void report(String line) throws Exception {
        System.out.println("[bench] " + line);
        Path out = Path.of("target", "bench-vouchers.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line + System.lineSeparator(),
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
