package io.piggy.shared.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly, at the end of the log, why Piggy did not start and what to do. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the Piggy that uses " + cause.dataDir().toAbsolutePath() + ", or start this one with its own "
                        + "directory (PIGGY_DATA_DIR) or against a shared PostgreSQL (PIGGY_DATABASE_URL).", cause);
    }
}
