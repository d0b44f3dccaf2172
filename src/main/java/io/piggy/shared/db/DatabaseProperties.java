package io.piggy.shared.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where the data lives: an external PostgreSQL when {@code url} is set, else the embedded one.
 * {@code connectionTimeout}: how long a request waits for a connection before it answers 503;
 * {@code checkInterval}: how often the {@link DatabaseMonitor} looks at the server; a dead embedded
 * server is started again after {@code restartInitialDelay}, doubling per failed attempt up to
 * {@code restartMaxDelay}.
 */
@ConfigurationProperties("piggy.database")
public record DatabaseProperties(String url, String user, String password, int poolSize,
                                 Duration connectionTimeout, Duration checkInterval,
                                 Duration restartInitialDelay, Duration restartMaxDelay) {
    public DatabaseProperties {
        connectionTimeout = connectionTimeout != null ? connectionTimeout : Duration.ofMillis(1500);
        checkInterval = checkInterval != null ? checkInterval : Duration.ofMillis(500);
        restartInitialDelay = restartInitialDelay != null ? restartInitialDelay : Duration.ofMillis(250);
        restartMaxDelay = restartMaxDelay != null ? restartMaxDelay : Duration.ofSeconds(30);
    }

    public boolean external() {
        return url != null && !url.isBlank();
    }
}
