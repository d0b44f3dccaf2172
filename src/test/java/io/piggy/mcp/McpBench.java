package io.piggy.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Benchmark, not a test: calls per second of create_credit_reception and find_voucher_by_code as MCP
 * tool calls (the official SDK client, one initialized client per thread) beside the same operations
 * over the plain HTTP API (one HTTP client per thread), in the same run against one running Piggy,
 * phase after phase (HTTP, MCP, HTTP, MCP …) so that a change in the machine's load shows as a
 * difference between rounds. Every phase is bounded in time and in count. Run through bench/mcp.sh:
 * base URL, token, seconds per phase, clients, rounds.
 */
public final class McpBench {
    private static final String API = "/api/v3/oauth/clients";
    private static final int MAX_PER_PHASE = 2_000_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String token;
    /** The MCP clients of the running phase, closed when it ends. */
    private final List<McpSession> sessions = new ArrayList<>();

    private McpBench(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** One caller's next operation, on its own client; false when it was refused. */
    interface Caller {
        boolean call() throws Exception;
    }

    interface CallerFactory {
        Caller create() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        // the SDK client logs every initialize at INFO
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.modelcontextprotocol"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        McpBench bench = new McpBench(args[0], args[1]);
        int seconds = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        bench.run(seconds, clients, rounds);
    }

    private void run(int seconds, int clients, int rounds) throws Exception {
        HttpClient setup = HttpClient.newHttpClient();
        for (int i = 0; i < 100 && setup.send(request(API + "/shops").GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 401; i++) {
            Thread.sleep(100); // the bootstrap token opens its account just after the health check answers
        }
        String shop = get(setup, API + "/shops").get(0).get("uuid").asString();
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            contacts.add(get(setup, API + "/contacts/find-or-create?email=mcp-bench-" + i + "@example.com").get("uuid").asString());
        }
        String promotion = post(setup, API + "/promotions", Map.of("name", "Bench", "description", "bench")).get("uuid").asString();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            codes.add(post(setup, API + "/vouchers", Map.of("promotion_uuid", promotion, "code", "BENCH-" + i)).get("code").asString());
        }
        System.out.printf("%d clients, %d s per phase, %d rounds; %d contacts, %d codes%n", clients, seconds, rounds,
                contacts.size(), codes.size());

        CallerFactory httpReception = () -> {
            HttpClient http = client();
            return () -> {
                String body = JSON.writeValueAsString(Map.of("shop_uuid", shop, "contact_uuid", pick(contacts), "credits", 1));
                return send(http, request(API + "/credit-receptions").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))) == 200;
            };
        };
        CallerFactory mcpReception = () -> {
            McpSession mcp = session();
            return () -> !Boolean.TRUE.equals(mcp.call("create_credit_reception",
                    Map.of("shop_uuid", shop, "contact_uuid", pick(contacts), "credits", 1)).isError());
        };
        CallerFactory httpFind = () -> {
            HttpClient http = client();
            return () -> send(http, request(API + "/vouchers/find?code="
                    + URLEncoder.encode(pick(codes), StandardCharsets.UTF_8)).GET()) == 200;
        };
        CallerFactory mcpFind = () -> {
            McpSession mcp = session();
            return () -> !Boolean.TRUE.equals(mcp.call("find_voucher_by_code", Map.of("code", pick(codes))).isError());
        };

        phase("warm-up http reception", 3, clients, httpReception);
        phase("warm-up mcp reception", 3, clients, mcpReception);
        phase("warm-up http find", 3, clients, httpFind);
        phase("warm-up mcp find", 3, clients, mcpFind);
        for (int round = 1; round <= rounds; round++) {
            double http = phase("round " + round + " http create credit reception", seconds, clients, httpReception);
            double mcp = phase("round " + round + " mcp  create_credit_reception", seconds, clients, mcpReception);
            System.out.printf("round %d receptions: mcp/http = %.2f%n", round, mcp / http);
            http = phase("round " + round + " http find voucher by code", seconds, clients, httpFind);
            mcp = phase("round " + round + " mcp  find_voucher_by_code", seconds, clients, mcpFind);
            System.out.printf("round %d find by code: mcp/http = %.2f%n", round, mcp / http);
        }
    }

    /** Calls per second of `clients` threads calling for `seconds`. */
    private double phase(String name, int seconds, int clients, CallerFactory factory) throws Exception {
        List<Caller> callers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            callers.add(factory.create());
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        List<Future<long[]>> done = new ArrayList<>();
        for (Caller caller : callers) {
            done.add(pool.submit(() -> {
                long ok = 0;
                long failed = 0;
                while (System.nanoTime() < end && ok + failed < MAX_PER_PHASE / clients) {
                    if (caller.call()) {
                        ok++;
                    } else {
                        failed++;
                    }
                }
                return new long[]{ok, failed};
            }));
        }
        long ok = 0;
        long failed = 0;
        for (Future<long[]> f : done) {
            ok += f.get()[0];
            failed += f.get()[1];
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        sessions.forEach(McpSession::close);
        sessions.clear();
        double perSecond = ok / elapsed;
        System.out.printf("%-44s %8.0f/s  ok %7d  failed %4d%n", name, perSecond, ok, failed);
        return perSecond;
    }

    private McpSession session() {
        McpSession mcp = new McpSession(base, token);
        sessions.add(mcp);
        McpSchema.InitializeResult init = mcp.initialize();
        if (init == null) {
            throw new IllegalStateException("MCP did not initialize");
        }
        return mcp;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static String pick(List<String> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    /** Reads and parses the answer, as any client that uses it does (the MCP client parses its result too). */
    private static int send(HttpClient http, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JSON.readTree(response.body());
        return response.statusCode();
    }

    private JsonNode get(HttpClient http, String path) throws Exception {
        return data(http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    private JsonNode post(HttpClient http, String path, Object body) throws Exception {
        return data(http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static JsonNode data(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("data");
    }

}
