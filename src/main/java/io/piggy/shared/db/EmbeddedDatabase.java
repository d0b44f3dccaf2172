package io.piggy.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** Long enough for crash recovery after a kill; a server that cannot start exits well before. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private final Map<String, String> serverConfig;
    private final Path pgCtl;
    private volatile ProcessHandle postmaster;

    private EmbeddedDatabase(Path dataDir, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres,
                             Map<String, String> serverConfig) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
        this.serverConfig = serverConfig;
        this.postmaster = Postmaster.running(pgData()).orElseThrow(() -> new IllegalStateException(
                "The embedded PostgreSQL started but its postmaster.pid names no live server"));
        this.pgCtl = postmaster.info().command().map(Path::of).map(p -> p.resolveSibling("pg_ctl"))
                .orElseThrow(() -> new IllegalStateException("Cannot tell where the PostgreSQL binaries are"));
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
            Map<String, String> config = new LinkedHashMap<>();
            config.put("synchronous_commit", onOff);
            config.put("fsync", onOff);
            config.put("full_page_writes", onOff);
            config.put("max_connections", "200");
            config.put("listen_addresses", "localhost");
            // TCP only: a socket's lock file in /tmp would name a killed server and block its restart.
            config.put("unix_socket_directories", "");
            config.put("timezone", "UTC"); // as the library sets it
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // Spring closes us after the connection pool; a JVM hook of the library's own would race it.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT);
            config.forEach(builder::setServerConfig);
            EmbeddedPostgres pg = builder.start();
            EmbeddedDatabase db = new EmbeddedDatabase(dataDir, channel, lock, pg, config);
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
     * directory lock, so that server has no owner any more: stop it before starting our own. Only a
     * process that really is the server of this directory is stopped: a pid file outlives its
     * server, and its pid may since have gone to any other process.
     */
    static void stopOrphanedServer(Path pgData) throws IOException {
        Optional<ProcessHandle> orphan = Postmaster.running(pgData);
        if (orphan.isEmpty()) {
            Postmaster.removeStalePidFile(pgData);
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

    /** Whether our server process is alive; a cheap check the supervisor makes several times a second. */
    public boolean isRunning() {
        return Postmaster.isAlive(postmaster);
    }

    /** The server process, for tests that kill it. */
    public long postmasterPid() {
        return postmaster.pid();
    }

    public int port() {
        return postgres.getPort();
    }

    /**
     * Starts the server again after it died, on the same port and settings, so the connection pool's
     * URL stays valid. PostgreSQL runs crash recovery itself; this waits until it accepts connections
     * or gives up (a full disk, backends of the dead server still attached), and then throws.
     */
    public synchronized void restart() {
        if (isRunning()) {
            return;
        }
        Path pgData = pgData();
        Optional<ProcessHandle> already = Postmaster.running(pgData);
        if (already.isPresent()) { // an earlier attempt's server, still in crash recovery when pg_ctl stopped waiting
            postmaster = already.get();
            return;
        }
        try {
            Postmaster.removeStalePidFile(pgData);
            List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port()), "-F"));
            serverConfig.forEach((k, v) -> options.addAll(List.of("-c", k + "=" + v)));
            List<String> command = new ArrayList<>();
            if (LinuxUtils.isUnshareAvailable()) {
                command.addAll(List.of("unshare", "-U")); // PostgreSQL refuses root: as the library starts it
            }
            command.addAll(List.of(pgCtl.toString(), "-D", pgData.toString(), "-o", String.join(" ", options),
                    "-l", dataDir.resolve("postgres.log").toString(),
                    "-w", "-t", Long.toString(STARTUP_WAIT.toSeconds()), "start"));
            Process pgCtlRun = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!pgCtlRun.waitFor(STARTUP_WAIT.toSeconds() + 10, TimeUnit.SECONDS)) {
                pgCtlRun.destroyForcibly().waitFor();
            }
            Optional<ProcessHandle> started = Postmaster.running(pgData);
            if (started.isEmpty()) {
                throw new IllegalStateException("pg_ctl start failed (exit " + pgCtlRun.exitValue() + "); see "
                        + dataDir.resolve("postgres.log"));
            }
            postmaster = started.get(); // running, if not yet ready: the monitor's probe tells when it answers
            log.info("Embedded PostgreSQL restarted on port {} (pid {}{})", port(), postmaster.pid(),
                    pgCtlRun.exitValue() == 0 ? "" : ", still starting when pg_ctl stopped waiting");
        } catch (IOException e) {
            throw new IllegalStateException("Could not restart the embedded PostgreSQL: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restarting the embedded PostgreSQL", e);
        }
    }

    private Path pgData() {
        return dataDir.resolve("postgres");
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
