package io.piggy.voucher;

import io.piggy.shared.db.Ids;
import io.piggy.shared.events.EventType;
import io.piggy.shared.events.Events;
import io.piggy.shared.jobs.Backoff;
import io.piggy.shared.jobs.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Works off voucher batches, chunk by chunk, on every instance. A chunk is claimed, filled and
 * marked done in one transaction, so a crash loses only uncommitted work, which the next claim
 * redoes; SKIP LOCKED keeps two workers (of any instances) off the same chunk. A transient failure
 * (see {@link Failures}) puts the chunk back with an exponentially growing retry time stored in
 * its row; only a permanent one fails the batch.
 */
@Component
class BatchWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(BatchWorker.class);
    /** Waits of a worker that cannot even claim (the database is away): short, as nothing is stored. */
    private static final Backoff IDLE_BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    /** Rounds of re-generating a chunk's shortfall before the code space counts as exhausted. */
    private static final int MAX_ROUNDS = 100;

    private final Batches batches;
    private final Promotions promotions;
    private final CodeSpaces codeSpaces;
    private final Events events;
    private final TransactionTemplate transactions;
    /** A chunk's work, inside the claiming transaction, so a failure can be rolled back without losing the claim. */
    private final TransactionTemplate savepoint;
    private final BatchProperties properties;
    private final Clock clock;
    private final String instance = "piggy-" + UUID.randomUUID();
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    BatchWorker(Batches batches, Promotions promotions, CodeSpaces codeSpaces, Events events,
                PlatformTransactionManager transactionManager, BatchProperties properties, Clock clock) {
        this.batches = batches;
        this.promotions = promotions;
        this.codeSpaces = codeSpaces;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.properties = properties;
        this.clock = clock;
    }

    /** Wakes idle workers of this instance at once (a batch was just queued here). */
    void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    String instance() {
        return instance;
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < properties.workers(); i++) {
            Thread t = new Thread(this::loop, "voucher-batch-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        wake();
        for (Thread t : threads) {
            try {
                t.join(30_000); // lets a chunk in flight commit
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

    private void loop() {
        SecureRandom random = new SecureRandom();
        int failures = 0;
        while (running) {
            boolean worked;
            try {
                worked = runOnce(random);
                failures = 0;
            } catch (RuntimeException e) {
                log.error("Voucher batch worker failed; retrying", e);
                worked = false;
                failures++;
            }
            if (!worked && running) {
                long wait = failures > 0 ? IDLE_BACKOFF.after(failures, random).toMillis()
                        : properties.pollInterval().toMillis();
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

    /** Signals that a chunk cannot be filled: the batch's code space has no free codes left. */
    private static final class CodeSpaceExhausted extends RuntimeException {
        CodeSpaceExhausted(String message) {
            super(message, null, false, false);
        }
    }

    /** Claims and processes one chunk. @return false when there was no work */
    boolean runOnce(SecureRandom random) {
        AtomicReference<Batches.Chunk> claimed = new AtomicReference<>();
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                Optional<Batches.Chunk> chunk = batches.claimChunk(clock.instant());
                if (chunk.isEmpty()) {
                    return false;
                }
                claimed.set(chunk.get());
                try {
                    savepoint.executeWithoutResult(s -> process(chunk.get(), random));
                } catch (RuntimeException e) {
                    // Back at the savepoint and still holding the chunk's row lock, so no other worker
                    // takes the chunk up before its failure is recorded.
                    try {
                        settle(chunk.get(), e, random);
                    } catch (RuntimeException settling) {
                        e.addSuppressed(settling);
                        throw e;
                    }
                }
                return true;
            }));
        } catch (RuntimeException e) {
            Batches.Chunk chunk = claimed.get();
            if (chunk == null) {
                throw e;
            }
            // The transaction itself broke (say, the connection was lost): settle in a new one. While
            // the database is away that throws as well, and the chunk is claimed again later.
            transactions.executeWithoutResult(s -> settle(chunk, e, random));
            return true;
        }
    }

    /** A chunk that failed waits for a retry when the failure is transient; otherwise its batch fails. */
    private void settle(Batches.Chunk chunk, RuntimeException failure, SecureRandom random) {
        if (failure instanceof CodeSpaceExhausted) {
            fail(chunk, failure.getMessage());
        } else if (Failures.isTransient(failure)) {
            int attempts = batches.recordError(chunk, String.valueOf(failure.getMessage()),
                    n -> clock.instant().plus(properties.retryBackoff().after(n, random)));
            log.warn("Chunk {} of voucher batch {} failed transiently (attempt {}); retrying later: {}",
                    chunk.chunkNo(), chunk.batchId(), attempts, failure.toString());
        } else {
            log.warn("Chunk {} of voucher batch {} failed for good", chunk.chunkNo(), chunk.batchId(), failure);
            fail(chunk, "Chunk " + chunk.chunkNo() + " failed: " + failure.getMessage());
        }
    }

    private void process(Batches.Chunk chunk, SecureRandom random) {
        Batches.Batch batch = batches.find(chunk.account(), chunk.batchId()).orElseThrow();
        Instant now = clock.instant();
        if ("FAILED".equals(batch.status()) || "COMPLETED".equals(batch.status())) {
            batches.markDone(chunk, instance, now);
            return;
        }
        CodeFormat.Generator generator = batch.format().generator(random);
        int missing = chunk.size();
        for (int round = 0; missing > 0; round++) {
            if (round == MAX_ROUNDS) {
                throw new CodeSpaceExhausted("The code space of " + batch.format().template()
                        + " has no free codes left; use longer codes or a larger charset.");
            }
            Set<String> codes = new HashSet<>(missing * 2);
            UUID[] ids = new UUID[missing];
            for (int i = 0; i < missing; i++) {
                ids[i] = Ids.next(clock);
                while (!codes.add(generator.next())) {
                    // a repeat within the chunk: draw again
                }
            }
            missing -= batches.insertVouchers(chunk, batch, ids, codes.toArray(new String[0]), now);
        }
        Batches.Progress progress = batches.completeChunk(chunk, instance, now);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("batch", Map.of("uuid", batch.id(), "quantity", progress.quantity(),
                "generated", progress.generated(), "status", progress.status()));
        event.put("promotion", Map.of("uuid", batch.promotionId()));
        event.put("chunk", chunk.chunkNo());
        event.put("count", chunk.size());
        // one summary event per chunk, never one per code (see docs/decisions.md)
        events.record(chunk.account().value(), EventType.VOUCHER_CREATED, event);
        if ("COMPLETED".equals(progress.status())) {
            events.record(chunk.account().value(), EventType.VOUCHER_BATCH_COMPLETED,
                    new BatchResponse(batch.id(), "vouchers", progress.quantity(), progress.status(),
                            progress.generated(), null, batch.promotionId(), batch.createdAt(), now));
        }
        // last, so the promotion's row is locked only for the commit (chunks of one promotion meet here)
        promotions.countCreated(chunk.account(), batch.promotionId(), chunk.size());
    }

    private void fail(Batches.Chunk chunk, String error) {
        log.warn("Voucher batch {} failed: {}", chunk.batchId(), error);
        transactions.executeWithoutResult(s -> batches.fail(chunk.account(), chunk.batchId(), error, clock.instant())
                .ifPresent(failed -> {
                    promotions.releaseVouchers(chunk.account(), failed.batch().promotionId(), failed.cancelled());
                    codeSpaces.release(chunk.account(), failed.batch().format().template(),
                            failed.batch().format().charset(), failed.cancelled());
                }));
    }
}
