package io.piggy.shared.jobs;

import org.springframework.jdbc.core.RowMapper;

import java.util.List;

/**
 * One kind of background work for the {@link JobRunner}. Its items are rows of a queue table that
 * keeps the runner's columns: {@code account_id uuid}, {@code id bigint} (the primary key is
 * {@code (account_id, id)}), {@code run_at timestamptz} (when the item is due, or when its lease ends
 * while it runs; null once settled) and {@code attempts int}, with an index on
 * {@code (account_id, run_at) WHERE run_at IS NOT NULL}. The runner claims and leases; the job says
 * what an item is, does it, and writes down how it went.
 */
public interface Job<T> {
    JobSettings settings();

    /** The queue table, and the SQL that turns the claimed rows into items (see {@link ClaimSql}). */
    ClaimSql claimSql();

    RowMapper<T> mapper();

    /** Failed attempts of the item so far (its {@code attempts} column when claimed). */
    int attempts(T item);

    /**
     * Called in the claiming transaction before the claim, on one instance's worker at a time per
     * call: a job that first moves work into its queue (say, fans events out) does it here. Default: nothing.
     */
    default void beforeClaim(java.time.Instant now) {
    }

    /** Does the items, outside any transaction; one outcome per item, in their order. */
    List<Outcome> run(List<T> items);

    /** Writes the outcomes, in one transaction: the job's own columns and {@code run_at}/{@code attempts} as given. */
    void settle(List<Settled<T>> settled);

    /** How one item went. */
    sealed interface Outcome {
        /** Done for good; {@code result} is the job's own record of the attempt (may be null). */
        record Done(Object result) implements Outcome {
        }

        /** Failed; retried with backoff unless {@code permanent} or out of attempts. */
        record Failed(Object result, String error, boolean permanent) implements Outcome {
        }

        /** Not tried (say, an earlier item it must follow failed); due again at once, no attempt counted. */
        record Skipped() implements Outcome {
        }
    }

    enum State { DONE, RETRY, FAILED, RELEASED }

    /**
     * The runner's verdict for an item: {@code runAt} is its next due time (null when DONE or
     * FAILED), {@code attempts} its failed attempts now.
     */
    record Settled<T>(T item, Outcome outcome, State state, java.time.Instant runAt, int attempts) {
    }
}
