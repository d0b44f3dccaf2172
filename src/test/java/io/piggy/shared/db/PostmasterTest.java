package io.piggy.shared.db;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A pid file's pid is this directory's server only if that process works in the directory. */
class PostmasterTest {

    @Test
    void aProcessIsTheServerOfTheDirectoryItWorksIn() throws Exception {
        Path here = Path.of("").toAbsolutePath();
        assertThat(Postmaster.isServerOf(ProcessHandle.current(), here)).isTrue();
        assertThat(Postmaster.isServerOf(ProcessHandle.current(), Files.createTempDirectory("piggy-not-here"))).isFalse();
    }

    @Test
    void aPidFileNamingAnotherLiveProcessIsRemovedOneNamingAGonePidIsLeftToPostgres() throws Exception {
        Path pgData = Files.createTempDirectory("piggy-pgdata");
        Path pidFile = pgData.resolve("postmaster.pid");

        Files.write(pidFile, List.of(Long.toString(ProcessHandle.current().pid()), pgData.toString()));
        assertThat(Postmaster.running(pgData)).as("this JVM is no server of that directory").isEmpty();
        Postmaster.removeStalePidFile(pgData);
        assertThat(pidFile).doesNotExist();

        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.write(pidFile, List.of(Long.toString(gone.pid()), pgData.toString()));
        Postmaster.removeStalePidFile(pgData);
        assertThat(pidFile).as("PostgreSQL replaces it and cleans up after it itself").exists();
    }
}
