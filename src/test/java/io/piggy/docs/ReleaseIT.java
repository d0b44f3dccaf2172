package io.piggy.docs;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The running version is a release, not a snapshot, and the changelog says what is in it. */
class ReleaseIT extends ApiIT {
    @Test
    void actuatorInfoShowsAReleaseTheChangelogDescribes() throws Exception {
        Api.Response info = anonymous().get("/actuator/info");
        assertThat(info.status()).isEqualTo(200);
        String version = info.json().get("build").get("version").asString();
        assertThat(version).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(Files.readString(Path.of("CHANGELOG.md"))).contains("\n## " + version + " — ");
    }
}
