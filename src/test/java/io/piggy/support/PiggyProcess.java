package io.piggy.support;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Piggy, {@code java -jar target/piggy.jar}, on a free port and a data directory of its own,
 * for tests that kill it without a clean stop. Needs the jar, which {@code mvn verify} builds
 * before the integration tests.
 */
public record PiggyProcess(Process process, Api api) {

    /** Starts Piggy on the database with these arguments and environment, and waits until it is healthy. */
    public static PiggyProcess start(String database, Path log, String token, List<String> args,
                                     Map<String, String> env) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "piggy.jar").toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = new HashMap<>(env);
        environment.put("PIGGY_DATABASE_URL", database);
        environment.put("PIGGY_DATA_DIR", Files.createTempDirectory("piggy-process").toString());
        environment.put("SERVER_PORT", String.valueOf(port));
        builder.environment().putAll(environment);
        Process process = builder.start();
        Api api = new Api("http://localhost:" + port, token);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            assertThat(process.isAlive()).as("Piggy exited; see " + log).isTrue();
            assertThat(Instant.now()).as("Piggy did not become healthy; see " + log).isBefore(deadline);
            try {
                if (api.send(api.request("/actuator/health").GET()).status() == 200) {
                    return new PiggyProcess(process, api);
                }
            } catch (RuntimeException notYet) {
                // connection refused while starting
            }
            Thread.sleep(200);
        }
    }

    /** SIGKILL: no clean stop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
