package io.piggy.shared.db;

import io.piggy.support.TestApps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An external database that is not there: start-up fails with what to check, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class UnreachableDatabaseIT {
    @Test
    void startUpFailsWithAFewLinesThatSayWhatToCheck(CapturedOutput output) throws Exception {
        assertThatThrownBy(() -> TestApps.start(Map.of(
                "server.port", "0",
                "piggy.data-dir", Files.createTempDirectory("piggy-unreachable").toString(),
                "piggy.database.url", "jdbc:postgresql://localhost:1/piggy",
                "piggy.database.user", "piggy",
                "piggy.database.password", "wrong")))
                .isInstanceOf(RuntimeException.class);
        String log = output.getOut() + output.getErr();
        assertThat(log).contains("APPLICATION FAILED TO START").contains("Connection to localhost:1 refused")
                .contains("PIGGY_DATABASE_URL");
        assertThat(log.lines().filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by:")))
                .as("no stack trace").isEmpty();
    }
}
