package io.piggy.shared.db;

import io.piggy.support.Api;
import io.piggy.support.TestApps;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12 §4: the embedded PostgreSQL's disk fills up for real (a small tmpfs, so this runs only
 * where the test may mount one, as root), then gets space again: Piggy answers 503 meanwhile and
 * serves again by itself, whether the server only failed writes or crashed and had to be restarted.
 */
class FullDiskIT {

    @Test
    void aFullDiskAnswers503AndPiggyRecoversByItselfOnceThereIsSpace() throws Exception {
        Path mount = smallVolume("piggy-full-disk");
        Path filler = mount.resolve("filler");
        try {
            try (ConfigurableApplicationContext app = startOn(mount)) {
                EmbeddedDatabase db = app.getBean(EmbeddedDatabase.class);
                DatabaseMonitor monitor = app.getBean(DatabaseMonitor.class);
                Api api = TestApps.api(app, "full-token");

                try (ReceptionTraffic traffic = new ReceptionTraffic(api, 3)) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> traffic.successes() >= 30);
                    long fullAt = System.nanoTime();
                    fill(filler);
                    // The next WAL segment has no room: the server crashes at its next commit, as on a real full disk.
                    try (Connection c = DriverManager.getConnection(db.jdbcUrl())) {
                        c.createStatement().execute("SELECT pg_switch_wal()");
                    } catch (Exception e) {
                        // it may have failed already
                    }
                    await().atMost(Duration.ofSeconds(60)).until(() -> traffic.since(fullAt).stream()
                            .filter(o -> o.status() == 503).count() >= 20);
                    await().atMost(Duration.ofSeconds(30)).until(() -> monitor.status().failedRestarts() >= 2);
                    long stillFull = System.nanoTime();
                    Thread.sleep(1000);
                    assertThat(traffic.since(stillFull)).as("nothing acknowledged while the disk is full")
                            .isNotEmpty().allMatch(o -> o.status() == 503);

                    long freedAt = System.nanoTime();
                    Files.delete(filler);
                    await().atMost(Duration.ofSeconds(60)).until(() -> traffic.since(freedAt).stream()
                            .filter(o -> o.status() == 200).count() >= 30);
                    traffic.close();
                    traffic.assertOnlySuccessesOrFast503s();
                    assertThat(traffic.storedIn(db.jdbcUrl())).as("every acknowledged reception is in the ledger")
                            .isEqualTo(traffic.acknowledged().size());
                    assertThat(monitor.status().restarts()).as("the server crashed and was started again")
                            .isGreaterThanOrEqualTo(1);
                }
                assertThat(monitor.isUp()).isTrue();
            }
        } finally {
            Files.deleteIfExists(filler);
            run("umount", "-l", mount.toString());
        }
    }

    /** With room left in the current WAL segment, only the tables cannot grow: writes fail (53100), the server stays up. */
    @Test
    void writesThatCannotGrowATableAnswer503WhileTheServerStaysUp() throws Exception {
        Path mount = smallVolume("piggy-full-tables");
        Path filler = mount.resolve("filler");
        try {
            try (ConfigurableApplicationContext app = startOn(mount)) {
                EmbeddedDatabase db = app.getBean(EmbeddedDatabase.class);
                DatabaseMonitor monitor = app.getBean(DatabaseMonitor.class);
                Api api = TestApps.api(app, "full-token");

                try (ReceptionTraffic traffic = new ReceptionTraffic(api, 3)) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> traffic.successes() >= 30);
                    try (Connection c = DriverManager.getConnection(db.jdbcUrl())) {
                        c.createStatement().execute("SELECT pg_switch_wal()"); // a fresh 16 MB segment to write WAL in
                    }
                    long fullAt = System.nanoTime();
                    fill(filler);
                    await().atMost(Duration.ofSeconds(60)).until(() -> traffic.since(fullAt).stream()
                            .filter(o -> o.status() == 503).count() >= 20);
                    assertThat(monitor.isUp()).as("the server answers; it only cannot store").isTrue();

                    long freedAt = System.nanoTime();
                    Files.delete(filler);
                    await().atMost(Duration.ofSeconds(30)).until(() -> traffic.since(freedAt).stream()
                            .filter(o -> o.status() == 200).count() >= 30);
                    traffic.close();
                    traffic.assertOnlySuccessesOrFast503s();
                    assertThat(traffic.storedIn(db.jdbcUrl())).as("every acknowledged reception is in the ledger")
                            .isEqualTo(traffic.acknowledged().size());
                }
                assertThat(monitor.status().restarts()).as("no crash, no restart").isZero();
            }
        } finally {
            Files.deleteIfExists(filler);
            run("umount", "-l", mount.toString());
        }
    }

    /** A 160 MB tmpfs to fill; the test is skipped where it cannot be mounted (not root). */
    private static Path smallVolume(String name) throws IOException {
        Path mount = Files.createTempDirectory(name);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=160m", "tmpfs", mount.toString()),
                "needs to mount a small tmpfs (root)");
        return mount;
    }

    /** A Piggy with its embedded database on the small volume, fast enough traffic allowed. */
    private static ConfigurableApplicationContext startOn(Path mount) {
        return TestApps.start(Map.of(
                "server.port", "0",
                "piggy.data-dir", mount.resolve("data").toString(),
                "piggy.bootstrap-token", "full-token",
                "piggy.rate-limit.requests-per-minute", "100000000"));
    }

    private static void fill(Path filler) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(1 << 20);
        try (FileChannel out = FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            while (true) {
                block.clear();
                out.write(block);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
        try (FileChannel out = FileChannel.open(filler, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer one = ByteBuffer.allocate(4096);
            while (out.write(one) > 0) {
                one.clear();
            }
        } catch (IOException e) {
            // the last pages are taken too
        }
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
