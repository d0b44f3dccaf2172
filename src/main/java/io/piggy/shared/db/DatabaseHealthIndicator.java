package io.piggy.shared.db;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health's "db", from what the {@link DatabaseMonitor} saw at its last check: answers at once, with
 * no connection of its own, so it neither hangs while the database is down nor waits for a busy
 * pool. Part of readiness (application.yml): an instance without its database takes no traffic.
 * Named so that it replaces Spring Boot's indicator, which borrows a pooled connection.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator {
    private final DatabaseMonitor monitor;
    private final boolean embedded;

    DatabaseHealthIndicator(DatabaseMonitor monitor, DatabaseProperties props) {
        this.monitor = monitor;
        this.embedded = !props.external();
    }

    @Override
    public Health health() {
        DatabaseMonitor.Status s = monitor.status();
        Health.Builder health = s.up() ? Health.up() : Health.down().withDetail("reason", s.reason());
        return health.withDetail("database", embedded ? "embedded PostgreSQL" : "PostgreSQL")
                .withDetail("since", s.since().toString())
                .withDetail("restarts", s.restarts())
                .build();
    }
}
