package io.piggy.shared.jobs;

import java.time.Duration;

/**
 * @param name        the job's name in logs, threads and metrics
 * @param workers     threads that claim and run batches
 * @param batchSize   items per claim
 * @param minShare    items per account in a claim when many accounts have work (the fair share grows
 *                    when fewer accounts wait: a batch is shared out between all that have due items)
 * @param lease       how long a claimed item is its claimer's; after that another instance takes it over
 * @param poll        how often an idle worker looks for work (besides {@link JobRunner#wake()})
 * @param backoff     waits between failed attempts of an item
 * @param maxAttempts attempts of an item before it is given up (FAILED)
 */
public record JobSettings(String name, int workers, int batchSize, int minShare, Duration lease, Duration poll,
                          Backoff backoff, int maxAttempts) {
    public JobSettings {
        if (workers < 1 || batchSize < 1 || minShare < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("Job " + name + ": workers, batch size, share and attempts must be positive");
        }
    }
}
