package io.piggy.shared.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/** Forgets idempotency keys once they are older than the retention (at least 24 hours). Safe on every instance. */
@Component
class IdempotencyKeyCleanup {
    private final JdbcClient db;
    private final Clock clock;
    private final Duration retention;

    IdempotencyKeyCleanup(JdbcClient db, Clock clock, @Value("${piggy.idempotency.retention:P1D}") Duration retention) {
        this.db = db;
        this.clock = clock;
        this.retention = retention.compareTo(Duration.ofDays(1)) < 0 ? Duration.ofDays(1) : retention;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetExpiredKeys() {
        db.sql("DELETE FROM idempotency_keys WHERE created_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(retention))).update();
    }
}
