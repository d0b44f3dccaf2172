package io.piggy.shared.api;

import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document is good enough for a generated client: openapi-generator's Java client (library native)
 * is generated from this Piggy's /v3/api-docs, compiled, and lists the shops of a new account: its
 * Main shop, with no reference (null). The generator runs as the CLI jar that the build copies to target/tools
 * (pom.xml), in a process of its own, so none of its dependencies reach the test classpath.
 */
class GeneratedClientIT extends ApiIT {
    private static final Path CLI = Path.of("target", "tools", "openapi-generator-cli.jar");
    private static final Path WORK = Path.of("target", "generated-client");

    @Test
    void aGeneratedJavaClientCompilesAndListsShops() throws Exception {
        assertThat(CLI).as("copied by the build (maven-dependency-plugin, pre-integration-test)").exists();
        TestAccount account = newAccount("Generated client"); // with its Main shop, which has no reference

        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        Path document = WORK.resolve("api-docs.json");
        Files.writeString(document, anonymous().get("/v3/api-docs").body());
        Path sources = generate(document);
        Path classes = compile(sources);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            @SuppressWarnings("unchecked")
            BiFunction<String, String, List<String>> firstCall = (BiFunction<String, String, List<String>>) loader
                    .loadClass("io.piggy.client.FirstCall").getConstructor().newInstance();
            assertThat(firstCall.apply("http://localhost:" + port, account.token())).containsExactly("Main shop reference=null");
        }
    }

    private static Path generate(Path document) throws IOException, InterruptedException {
        Path out = WORK.resolve("client");
        Path log = WORK.resolve("generator.log");
        Process generator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", CLI.toString(), "generate", "-i", document.toString(), "-g", "java", "--library", "native",
                "-o", out.toString(),
                "--additional-properties=openApiNullable=false,useJakartaEe=true,annotationLibrary=none,"
                        + "documentationProvider=none,invokerPackage=io.piggy.client,apiPackage=io.piggy.client.api,"
                        + "modelPackage=io.piggy.client.model",
                "--global-property=apiTests=false,modelTests=false,apiDocs=false,modelDocs=false")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(generator.waitFor(3, TimeUnit.MINUTES)).as("generator finished").isTrue();
        assertThat(generator.exitValue()).as(() -> tail(log)).isZero();
        Path sources = out.resolve("src/main/java");
        try (InputStream firstCall = GeneratedClientIT.class.getResourceAsStream("/generated-client/FirstCall.java")) {
            Files.copy(firstCall, sources.resolve("io/piggy/client/FirstCall.java"));
        }
        return sources;
    }

    private static Path compile(Path sources) throws IOException {
        Path classes = Files.createDirectories(WORK.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-nowarn", "-proc:none", "-d", classes.toString(), "-classpath",
                // failsafe starts the JVM from a manifest-only jar; the real class path is in this property
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, args.toArray(String[]::new));
        assertThat(status).as(errors::toString).isZero();
        return classes;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "no generator log: " + e;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
