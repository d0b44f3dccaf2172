package io.piggy.shared.db;

import java.nio.file.Path;

/** Another live Piggy holds the data directory; starting on it would corrupt the database. */
public class DataDirectoryInUseException extends IllegalStateException {
    private final Path dataDir;

    public DataDirectoryInUseException(Path dataDir) {
        super("The data directory " + dataDir.toAbsolutePath() + " is in use by another running Piggy.");
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
