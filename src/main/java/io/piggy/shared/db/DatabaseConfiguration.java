package io.piggy.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Conditional;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.Optional;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(NoExternalDatabase.class)
    EmbeddedDatabase embeddedDatabase(@Value("${piggy.data-dir}") Path dataDir,
                                      @Value("${piggy.embedded.durable:true}") boolean durable) {
        return EmbeddedDatabase.start(dataDir, durable);
    }

    /** Depends on the embedded database (when there is one), so Spring closes the pool before the server. */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties props, Optional<EmbeddedDatabase> embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("piggy");
        config.setMaximumPoolSize(props.poolSize());
        // A database that is down answers 503 within this, instead of holding the request for Hikari's 30 s.
        config.setConnectionTimeout(props.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.max(250, Math.min(1000, props.connectionTimeout().toMillis() - 250)));
        if (props.external()) {
            config.setJdbcUrl(props.url());
            if (props.user() != null && !props.user().isBlank()) {
                config.setUsername(props.user());
            }
            if (props.password() != null && !props.password().isBlank()) {
                config.setPassword(props.password());
            }
        } else {
            config.setJdbcUrl(embedded.orElseThrow().jdbcUrl());
            config.setUsername("postgres");
        }
        return new HikariDataSource(config);
    }
}
