package io.piggy.docs;

import io.piggy.support.TestApps;
import io.piggy.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's shell examples, run as written, in order, against a Piggy started as the README
 * starts it (a fresh data directory, the first access token in {@code data/initial-access-token}).
 * Any failing command fails the test: curl answers a 4xx or 5xx with an error here.
 */
class ReadmeExamplesIT {
    private static final Pattern SHELL_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    private static final String ADMIN = "readme-admin-secret";

    /** The blocks from "Your first API call" on; the ones before it build and run Piggy itself. */
    static List<String> examples(String readme) {
        String fromFirstCall = readme.substring(readme.indexOf("## Your first API call"));
        List<String> blocks = new ArrayList<>();
        Matcher m = SHELL_BLOCK.matcher(fromFirstCall);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void theExamplesRunInOrderFromAFreshStart() throws Exception {
        List<String> blocks = examples(Files.readString(Path.of("README.md")));
        assertThat(blocks).as("shell examples in the README").hasSizeGreaterThan(5);
        Path dir = Files.createTempDirectory("piggy-readme");
        int port = freePort(); // the README's links carry the port, so it must be known before the start
        try (ConfigurableApplicationContext app = TestApps.start(Map.of(
                "server.port", String.valueOf(port),
                "piggy.database.url", TestDatabase.newDatabase(),
                "piggy.data-dir", dir.resolve("data").toString(),
                "piggy.admin-token", ADMIN))) {
            StringBuilder script = new StringBuilder("set -euo pipefail\n"
                    // as written, but failing on an error answer, and with each answer on a line of its own
                    + "curl() { command curl -sS --fail-with-body \"$@\"; echo; }\n"
                    + "ADMIN=" + ADMIN + "\n");
            for (int i = 0; i < blocks.size(); i++) {
                script.append("echo '### example ").append(i + 1).append("'\n")
                        .append(blocks.get(i).replace("localhost:8080", "localhost:" + port));
            }
            Process bash = new ProcessBuilder("bash", "-c", script.toString()).directory(dir.toFile())
                    .redirectErrorStream(true).start();
            boolean ended = bash.waitFor(180, TimeUnit.SECONDS);
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ended) {
                bash.destroyForcibly();
            }
            String tail = output.substring(Math.max(0, output.length() - 3000));
            assertThat(ended).as("the examples ended within 3 minutes:\n" + tail).isTrue();
            assertThat(bash.exitValue()).as("every example ran (the output ends at the failing one):\n" + tail).isZero();
            assertThat(output).contains("### example " + blocks.size());
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
