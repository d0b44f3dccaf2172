package io.piggy.shared.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one {@link Job} on every instance: worker threads claim a batch of due items in a short
 * transaction ({@code FOR UPDATE SKIP LOCKED}, so two workers of any instances never claim the same
 * item), lease them by moving their {@code run_at} to the lease's end, run them outside any
 * transaction and settle them in another. An instance that dies mid-batch leaves its items leased;
 * they fall due again when the lease ends and another worker takes them over. Failed items wait with
 * exponential backoff and jitter ({@link Backoff}) and are given up after the job's maximum attempts.
 * <p>
 * Fair between accounts: a claim shares its batch out between every account with due items (at
 * least {@link JobSettings#minShare()} each, oldest first), so one account's flood delays another's
 * items by a batch at most. Idle workers poll, and {@link #wake()} starts them at once.
 */
public final class JobRunner<T> implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    /** Waits of a worker that cannot even claim (the database is away): nothing is lost meanwhile. */
    private static final Backoff IDLE_BACKOFF = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));
    /** How many due rows per account a claim looks at beyond its share, for items the job's condition holds back. */
    private static final int WINDOW = 8;

    private final Job<T> job;
    private final JobSettings settings;
    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JobMetrics metrics;
    private final String claimSql;
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public JobRunner(Job<T> job, JdbcClient db, PlatformTransactionManager transactionManager, Clock clock,
                     MeterRegistry registry) {
        this.job = job;
        this.settings = job.settings();
        this.db = db;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.claimSql = claimSql(job.claimSql());
        this.metrics = new JobMetrics(settings.name(), job.claimSql().table(), db, clock, registry);
    }

    /** The claim: due accounts found by a skip scan of the due index, each given its share, oldest first. */
    static String claimSql(ClaimSql sql) {
        return """
                WITH RECURSIVE accounts AS (
                    (SELECT account_id FROM %1$s WHERE run_at IS NOT NULL ORDER BY account_id LIMIT 1)
                    UNION ALL
                    SELECT (SELECT q.account_id FROM %1$s q WHERE q.run_at IS NOT NULL AND q.account_id > a.account_id
                            ORDER BY q.account_id LIMIT 1)
                    FROM accounts a WHERE a.account_id IS NOT NULL
                ), due AS (
                    SELECT a.account_id, o.run_at FROM accounts a
                    CROSS JOIN LATERAL (SELECT q.run_at FROM %1$s q WHERE q.account_id = a.account_id
                                        AND q.run_at IS NOT NULL ORDER BY q.run_at LIMIT 1) o
                    WHERE a.account_id IS NOT NULL AND o.run_at <= :now
                ), share AS (
                    SELECT greatest(:minShare, ceil(:limit::numeric / greatest(1, count(*))))::int AS n FROM due
                ), picked AS (
                    SELECT p.account_id, p.id FROM (SELECT account_id, run_at FROM due ORDER BY run_at) d
                    CROSS JOIN LATERAL (
                        SELECT t.account_id, t.id FROM %1$s t
                        WHERE (t.account_id, t.id) IN (
                                SELECT w.account_id, w.id FROM %1$s w WHERE w.account_id = d.account_id AND w.run_at <= :now
                                ORDER BY w.run_at, w.id LIMIT (SELECT n * %4$d FROM share))
                            AND t.run_at <= :now %2$s
                        ORDER BY t.run_at, t.id
                        LIMIT (SELECT n FROM share)
                        FOR UPDATE OF t SKIP LOCKED) p
                    LIMIT :limit
                ), claimed AS (
                    UPDATE %1$s t SET run_at = :leaseUntil FROM picked p
                    WHERE t.account_id = p.account_id AND t.id = p.id
                    RETURNING t.*
                )
                %3$s""".formatted(sql.table(), sql.ready(), sql.select(), WINDOW);
    }

    /** Starts idle workers of this instance at once (work was just queued here). */
    public void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** Claims, runs and settles one batch. @return how many items it had */
    public int runOnce() {
        Instant now = clock.instant();
        List<T> items = transactions.execute(status -> {
            job.beforeClaim(now);
            return db.sql(claimSql).param("now", Timestamp.from(now))
                    .param("leaseUntil", Timestamp.from(now.plus(settings.lease())))
                    .param("limit", settings.batchSize()).param("minShare", settings.minShare())
                    .query(job.mapper()).list();
        });
        if (items == null || items.isEmpty()) {
            return 0;
        }
        metrics.running(items.size());
        try {
            List<Job.Outcome> outcomes;
            long started = System.nanoTime();
            try {
                outcomes = job.run(items);
            } catch (RuntimeException e) {
                log.warn("Job {} failed on a batch of {}; retrying its items", settings.name(), items.size(), e);
                outcomes = items.stream().<Job.Outcome>map(i -> new Job.Outcome.Failed(null, String.valueOf(e), false)).toList();
            }
            metrics.ran(System.nanoTime() - started);
            List<Job.Settled<T>> settled = settle(items, outcomes, clock.instant(), new SecureRandom());
            transactions.executeWithoutResult(status -> job.settle(settled));
            settled.forEach(s -> metrics.settled(s.state()));
            return items.size();
        } finally {
            metrics.running(-items.size());
        }
    }

    /** The runner's verdict per item: done, retried after a backoff, given up, or released untried. */
    List<Job.Settled<T>> settle(List<T> items, List<Job.Outcome> outcomes, Instant now, SecureRandom random) {
        if (outcomes.size() != items.size()) {
            throw new IllegalStateException("Job " + settings.name() + " returned " + outcomes.size()
                    + " outcomes for " + items.size() + " items");
        }
        List<Job.Settled<T>> settled = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            Job.Outcome outcome = outcomes.get(i);
            int attempts = job.attempts(item);
            if (outcome instanceof Job.Outcome.Done) {
                settled.add(new Job.Settled<>(item, outcome, Job.State.DONE, null, attempts));
            } else if (outcome instanceof Job.Outcome.Skipped) {
                settled.add(new Job.Settled<>(item, outcome, Job.State.RELEASED, now, attempts));
            } else if (((Job.Outcome.Failed) outcome).permanent() || attempts + 1 >= settings.maxAttempts()) {
                settled.add(new Job.Settled<>(item, outcome, Job.State.FAILED, null, attempts + 1));
            } else {
                settled.add(new Job.Settled<>(item, outcome, Job.State.RETRY,
                        now.plus(settings.backoff().after(attempts + 1, random)), attempts + 1));
            }
        }
        return settled;
    }

    private void loop() {
        SecureRandom random = new SecureRandom();
        int failures = 0;
        while (running) {
            int done;
            try {
                done = runOnce();
                failures = 0;
            } catch (RuntimeException e) {
                failures++;
                log.warn("Job {} could not claim or settle (attempt {}); its items are taken up again later",
                        settings.name(), failures, e);
                done = 0;
            }
            if (done == 0 && running) {
                long wait = failures > 0 ? IDLE_BACKOFF.after(failures, random).toMillis() : settings.poll().toMillis();
                synchronized (signal) {
                    try {
                        signal.wait(Math.max(1, wait));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < settings.workers(); i++) {
            Thread t = new Thread(this::loop, settings.name() + "-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /**
     * Lets the batches in flight finish and settle, for at most the lease in all (their items are
     * leased, so a batch cut off is run again once its lease ends).
     */
    @Override
    public void stop() {
        running = false;
        wake();
        long deadline = System.nanoTime() + settings.lease().toNanos();
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
