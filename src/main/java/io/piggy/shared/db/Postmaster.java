package io.piggy.shared.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code postmaster.pid} says, checked against the live processes. The file outlives a killed
 * server and its pid can be reused by any process, so a pid is taken to be this directory's server
 * only when that process works in the directory (its current directory, which PostgreSQL sets to
 * its data directory) or was started with {@code -D} naming it.
 */
final class Postmaster {
    private static final Logger log = LoggerFactory.getLogger(Postmaster.class);
    private static final Path PROC = Path.of("/proc");

    private Postmaster() {
    }

    /** The live server of {@code pgData}, if its pid file names one. */
    static Optional<ProcessHandle> running(Path pgData) {
        return pidInFile(pgData).flatMap(ProcessHandle::of).filter(Postmaster::isAlive)
                .filter(p -> isServerOf(p, pgData));
    }

    /** Alive and not a zombie: a killed server whose parent has not reaped it yet is dead too. */
    static boolean isAlive(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(process.pid())).resolve("stat"));
            int close = stat.lastIndexOf(')');
            return close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) != 'Z';
        } catch (IOException e) {
            return process.isAlive(); // no /proc: trust the JDK
        }
    }

    static boolean isServerOf(ProcessHandle process, Path pgData) {
        Path dir = realPath(pgData);
        Optional<Path> cwd = cwd(process.pid());
        if (cwd.isPresent()) {
            return cwd.get().equals(dir);
        }
        List<String> args = process.info().arguments().map(List::of).orElse(List.of());
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("-D") && realPath(Path.of(args.get(i + 1))).equals(dir)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes a pid file whose pid now belongs to another live process, or to the killed server
     * itself while nobody has reaped it yet (PostgreSQL would refuse to start, taking either for a
     * running server), when no process of this cluster is left: its backends work in the directory
     * too, and PostgreSQL's shared memory check relies on the file while they live. A pid file naming
     * a pid that is gone is left to PostgreSQL, which replaces it itself.
     */
    static void removeStalePidFile(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        boolean pidTaken = pidInFile(pgData).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).isPresent();
        if (!pidTaken || running(pgData).isPresent() || !Files.isDirectory(PROC)) {
            return;
        }
        Path dir = realPath(pgData);
        try (Stream<Path> processes = Files.list(PROC)) {
            Optional<Long> member = processes.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+"))
                    .map(Long::parseLong).filter(pid -> cwd(pid).map(dir::equals).orElse(false)).findFirst();
            if (member.isPresent()) {
                log.warn("A process of the dead PostgreSQL in {} is still running (pid {}); leaving its pid file",
                        pgData, member.get());
                return;
            }
        }
        log.warn("Removing the stale {}: its pid {} is no live PostgreSQL of this directory",
                pidFile, pidInFile(pgData).map(String::valueOf).orElse("(none)"));
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> pidInFile(Path pgData) {
        try {
            return Files.readAllLines(pgData.resolve("postmaster.pid")).stream().findFirst()
                    .map(String::trim).filter(s -> s.matches("\\d+")).map(Long::parseLong);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> cwd(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(PROC.resolve(Long.toString(pid)).resolve("cwd")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
