package io.piggy.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL 17 that runs when no external database is configured.
 * Its data lives in {@code <data dir>/postgres} and survives restarts. The data directory is
 * locked for the life of the process so that a second service on it fails clearly instead of
 * sharing (and corrupting) the cluster.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String DATABASE = "piggy";

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(Path dataDir, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    /**
     * @param durable {@code false} only in tests: skips fsync and synchronous commit for speed.
     */
    public static EmbeddedDatabase start(Path dataDir, boolean durable) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve("piggy.lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new DataDirectoryInUseException(dataDir);
            }
            Path pgData = dataDir.resolve("postgres");
            stopOrphanedServer(pgData);
            String onOff = durable ? "on" : "off";
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // Spring closes us after the connection pool; a JVM hook of the library's own would race it.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("synchronous_commit", onOff)
                    .setServerConfig("fsync", onOff)
                    .setServerConfig("full_page_writes", onOff)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
            EmbeddedDatabase db = new EmbeddedDatabase(dataDir, channel, lock, pg);
            db.createDatabaseIfMissing();
            if (durable) {
                db.requireDurability();
            }
            log.info("Embedded PostgreSQL is running on port {} with data in {} (durable: {})",
                    pg.getPort(), pgData.toAbsolutePath(), durable);
            return db;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDir.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very JVM
        }
    }

    /**
     * A killed Piggy leaves its PostgreSQL running (it is a separate process). We hold the data
     * directory lock, so that server has no owner any more: stop it before starting our own.
     */
    private static void stopOrphanedServer(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan = Files.readAllLines(pidFile).stream().findFirst()
                .map(String::trim).filter(s -> s.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        log.warn("Stopping the PostgreSQL (pid {}) left running by a Piggy that did not shut down cleanly",
                orphan.get().pid());
        orphan.get().destroy(); // SIGTERM: smart shutdown, its clients are gone already
        try {
            orphan.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The PostgreSQL left running in " + pgData.toAbsolutePath()
                    + " (pid " + orphan.get().pid() + ") did not stop; stop it by hand and start again.", e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database '" + DATABASE + "': " + e.getMessage(), e);
        }
    }

    /** Refuse to serve on a server that could lose acknowledged writes. */
    private void requireDurability() {
        for (String setting : new String[]{"fsync", "synchronous_commit", "full_page_writes"}) {
            String value = setting(setting);
            if (!"on".equals(value)) {
                throw new IllegalStateException("The embedded PostgreSQL runs with " + setting + "=" + value
                        + "; Piggy needs it on to keep acknowledged writes.");
            }
        }
    }

    public String setting(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT current_setting('" + name.replace("'", "") + "')");
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the setting " + name + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    /** JDBC URL of another database in the same server; tests use it to give a class its own database. */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.error("Could not stop the embedded PostgreSQL cleanly", e);
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                log.warn("Could not release the data directory lock", e);
            }
        }
    }
}
