package io.piggy.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.piggy.shared.jobs.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Knows, within one check interval, whether the database answers. A thread of its own asks
 * {@code SELECT 1} on a connection of its own (so a full pool cannot make it lie), and for the
 * embedded server first looks at the server process: when it died (killed, crashed on a full
 * disk) it is started again on the same port, with exponential backoff between failed attempts.
 * Requests are told at once while the database is down, and health reports it.
 */
@Component
public class DatabaseMonitor implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DatabaseMonitor.class);
    private static final int PROBE_TIMEOUT_SECONDS = 2;

    /** {@code since}: when it last went up or down; {@code reason}: why it is down (null when up). */
    public record Status(boolean up, Instant since, String reason, int restarts, int failedRestarts) {
    }

    private final DatabaseProperties props;
    private final Optional<EmbeddedDatabase> embedded;
    private final HikariDataSource pool;
    private final Clock clock;
    private final Backoff backoff;
    private final String probeUrl;
    private final Properties probeProperties = new Properties();
    private final AtomicInteger restarts = new AtomicInteger();

    private volatile Status status;
    private volatile boolean running;
    private ScheduledExecutorService thread;
    private Connection probe;
    private int failedRestarts;
    private Instant nextRestart = Instant.MIN;

    DatabaseMonitor(DatabaseProperties props, Optional<EmbeddedDatabase> embedded, HikariDataSource pool, Clock clock) {
        this.props = props;
        this.embedded = embedded;
        this.pool = pool;
        this.clock = clock;
        this.backoff = new Backoff(props.restartInitialDelay(), props.restartMaxDelay());
        this.probeUrl = pool.getJdbcUrl();
        if (pool.getUsername() != null) {
            probeProperties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            probeProperties.setProperty("password", pool.getPassword());
        }
        probeProperties.setProperty("connectTimeout", Integer.toString(PROBE_TIMEOUT_SECONDS));
        probeProperties.setProperty("loginTimeout", Integer.toString(PROBE_TIMEOUT_SECONDS));
        probeProperties.setProperty("socketTimeout", Integer.toString(PROBE_TIMEOUT_SECONDS + 1));
        probeProperties.setProperty("ApplicationName", "piggy-monitor");
        this.status = new Status(true, clock.instant(), null, 0, 0);
    }

    public boolean isUp() {
        return status.up();
    }

    public Status status() {
        return status;
    }

    /** Looks once, now; the monitor's thread calls it every check interval. */
    synchronized void check() {
        if (embedded.isPresent() && !embedded.get().isRunning()) {
            down("the embedded PostgreSQL is not running");
            if (!restartEmbedded(embedded.get())) {
                return;
            }
        }
        String failure = probeOnce();
        if (failure != null) {
            failure = probeOnce(); // on a fresh connection: the kept one may just have been closed by the server
        }
        if (failure == null) {
            up();
        } else {
            down("the database does not answer: " + failure);
        }
    }

    private boolean restartEmbedded(EmbeddedDatabase db) {
        Instant now = clock.instant();
        if (now.isBefore(nextRestart)) {
            return false;
        }
        try {
            db.restart();
            restarts.incrementAndGet();
            failedRestarts = 0;
            nextRestart = Instant.MIN;
            return true;
        } catch (RuntimeException e) {
            failedRestarts++;
            nextRestart = clock.instant().plus(backoff.after(failedRestarts, ThreadLocalRandom.current()));
            log.warn("Could not start the embedded PostgreSQL again (attempt {}), next at {}: {}",
                    failedRestarts, nextRestart, e.getMessage());
            down("the embedded PostgreSQL is not running; restart attempt " + failedRestarts + " failed");
            return false;
        }
    }

    /** {@code SELECT 1} on the kept connection, opened when there is none: null when it answered, else why not. */
    private String probeOnce() {
        try {
            if (probe == null || probe.isClosed()) {
                probe = DriverManager.getConnection(probeUrl, probeProperties);
            }
            try (Statement s = probe.createStatement()) {
                s.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
                s.execute("SELECT 1");
            }
            return null;
        } catch (SQLException e) {
            closeProbe();
            return e.getMessage();
        }
    }

    private void up() {
        Status was = status;
        if (!was.up()) {
            log.info("The database answers again after {} ms", clock.millis() - was.since().toEpochMilli());
            // Pooled connections to the server that went away are dead: replace them now, not one failed request each.
            HikariPoolMXBean mx = pool.getHikariPoolMXBean();
            if (mx != null) {
                mx.softEvictConnections();
            }
            status = new Status(true, clock.instant(), null, restarts.get(), failedRestarts);
        } else if (was.restarts() != restarts.get()) {
            status = new Status(true, was.since(), null, restarts.get(), failedRestarts);
        }
    }

    private void down(String reason) {
        Status was = status;
        if (was.up()) {
            log.error("The database is down: {}; requests answer 503 until it is back", reason);
        }
        status = new Status(false, was.up() ? clock.instant() : was.since(), reason, restarts.get(), failedRestarts);
    }

    private void closeProbe() {
        if (probe != null) {
            try {
                probe.close();
            } catch (SQLException ignored) {
                // it is broken already
            }
            probe = null;
        }
    }

    @Override
    public void start() {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "piggy-db-monitor");
            t.setDaemon(true);
            return t;
        });
        long interval = props.checkInterval().toMillis();
        thread.scheduleWithFixedDelay(this::checkSafely, interval, interval, TimeUnit.MILLISECONDS);
        running = true;
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            log.error("The database check failed", e);
        }
    }

    /** Before the pool and the embedded server close: a monitor must not start a server being shut down. */
    @Override
    public void stop() {
        running = false;
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            closeProbe();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
