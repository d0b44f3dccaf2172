package io.piggy.shared.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the data lives: an external PostgreSQL when {@code url} is set, else the embedded one. */
@ConfigurationProperties("piggy.database")
public record DatabaseProperties(String url, String user, String password, int poolSize) {
    public boolean external() {
        return url != null && !url.isBlank();
    }
}
