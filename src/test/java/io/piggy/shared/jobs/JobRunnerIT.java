package io.piggy.shared.jobs;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.piggy.support.StepClock;
import io.piggy.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The runner on a queue table of its own: claims once per attempt, lease takeover, backoff, fairness. */
class JobRunnerIT {
    private JdbcClient db;
    private DataSourceTransactionManager transactions;

    record Item(UUID account, long id, int attempts) {
    }

    /** A job whose items do what {@code behaviour} says; it counts every run of every item. */
    final class TestJob implements Job<Item> {
        final JobSettings settings;
        final Function<Item, Outcome> behaviour;
        final Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
        final List<List<Item>> batches = Collections.synchronizedList(new ArrayList<>());

        TestJob(JobSettings settings, Function<Item, Outcome> behaviour) {
            this.settings = settings;
            this.behaviour = behaviour;
        }

        @Override
        public JobSettings settings() {
            return settings;
        }

        @Override
        public ClaimSql claimSql() {
            return new ClaimSql("test_jobs", "", "SELECT account_id, id, attempts FROM claimed ORDER BY id");
        }

        @Override
        public RowMapper<Item> mapper() {
            return (rs, n) -> new Item(rs.getObject(1, UUID.class), rs.getLong(2), rs.getInt(3));
        }

        @Override
        public int attempts(Item item) {
            return item.attempts();
        }

        @Override
        public List<Outcome> run(List<Item> items) {
            batches.add(items);
            return items.stream().map(i -> {
                runs.computeIfAbsent(i.id(), k -> new AtomicInteger()).incrementAndGet();
                return behaviour.apply(i);
            }).toList();
        }

        @Override
        public void settle(List<Settled<Item>> settled) {
            for (Settled<Item> s : settled) {
                db.sql("UPDATE test_jobs SET run_at = :runAt, attempts = :attempts, state = :state WHERE account_id = :a AND id = :id")
                        .param("runAt", s.runAt() == null ? null : java.sql.Timestamp.from(s.runAt()))
                        .param("attempts", s.attempts()).param("state", s.state().name())
                        .param("a", s.item().account()).param("id", s.item().id()).update();
            }
        }
    }

    private static JobSettings settings(int batch, int minShare, Duration lease, int maxAttempts) {
        return new JobSettings("test", 2, batch, minShare, lease, Duration.ofMillis(20),
                new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(40)), maxAttempts);
    }

    @BeforeEach
    void table() throws Exception {
        String url = TestDatabase.newDatabase();
        SimpleDriverDataSource ds = new SimpleDriverDataSource(DriverManager.getDriver(url), url);
        db = JdbcClient.create(ds);
        transactions = new DataSourceTransactionManager(ds);
        db.sql("""
                CREATE TABLE test_jobs (account_id uuid NOT NULL, id bigint GENERATED ALWAYS AS IDENTITY,
                    run_at timestamptz, attempts int NOT NULL DEFAULT 0, state text, PRIMARY KEY (account_id, id))""").update();
        db.sql("CREATE INDEX test_jobs_due ON test_jobs (account_id, run_at) WHERE run_at IS NOT NULL").update();
    }

    private void queue(UUID account, int n, Instant runAt) {
        db.sql("INSERT INTO test_jobs (account_id, run_at) SELECT :a, :t FROM generate_series(1, :n)")
                .param("a", account).param("t", java.sql.Timestamp.from(runAt)).param("n", n).update();
    }

    private JobRunner<Item> runner(TestJob job, Clock clock) {
        return new JobRunner<>(job, db, transactions, clock, new SimpleMeterRegistry());
    }

    @Test
    void workersOfTwoRunnersRunEachItemOnceAndTheQueueEmpties() {
        queue(UUID.randomUUID(), 500, Instant.now().minusSeconds(1));
        queue(UUID.randomUUID(), 500, Instant.now().minusSeconds(1));
        TestJob job = new TestJob(settings(20, 2, Duration.ofMinutes(5), 3), i -> new Job.Outcome.Done(null));
        JobRunner<Item> one = runner(job, Clock.systemUTC());
        JobRunner<Item> two = runner(job, Clock.systemUTC());
        one.start();
        two.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> job.runs.size() == 1000);
        } finally {
            one.stop();
            two.stop();
        }
        assertThat(job.runs.values()).as("each item run once: no two workers claimed the same").allMatch(n -> n.get() == 1);
        assertThat(db.sql("SELECT count(*) FROM test_jobs WHERE run_at IS NOT NULL").query(Long.class).single()).isZero();
    }

    @Test
    void anItemOfARunnerThatDiedIsTakenOverWhenItsLeaseEnds() {
        UUID account = UUID.randomUUID();
        StepClock clock = new StepClock(Instant.parse("2026-12-08T00:00:00Z"));
        queue(account, 5, clock.instant());
        CountDownLatch never = new CountDownLatch(1);
        TestJob stuck = new TestJob(settings(10, 10, Duration.ofSeconds(30), 3), i -> {
            try {
                never.await(); // the instance hangs, or is gone, holding its claim
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Job.Outcome.Done(null);
        });
        Thread dead = new Thread(() -> runner(stuck, clock).runOnce());
        dead.setDaemon(true);
        dead.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !stuck.batches.isEmpty());

        TestJob survivor = new TestJob(settings(10, 10, Duration.ofSeconds(30), 3), i -> new Job.Outcome.Done(null));
        JobRunner<Item> other = runner(survivor, clock);
        clock.set(clock.instant().plusSeconds(29));
        assertThat(other.runOnce()).as("leased: not taken while the lease lasts").isZero();
        clock.set(clock.instant().plusSeconds(2));
        assertThat(other.runOnce()).as("taken over once the lease ended").isEqualTo(5);
        assertThat(survivor.runs).hasSize(5);
        assertThat(db.sql("SELECT count(*) FROM test_jobs WHERE state = 'DONE'").query(Long.class).single()).isEqualTo(5);
        never.countDown();
    }

    @Test
    void failuresWaitWithGrowingJitteredBackoffAndAreGivenUpAfterTheLastAttempt() {
        UUID account = UUID.randomUUID();
        StepClock clock = new StepClock(Instant.parse("2026-12-08T00:00:00Z"));
        queue(account, 1, clock.instant());
        TestJob job = new TestJob(settings(10, 10, Duration.ofMinutes(5), 3),
                i -> new Job.Outcome.Failed(null, "receiver down", false));
        JobRunner<Item> runner = runner(job, clock);

        assertThat(runner.runOnce()).isEqualTo(1);
        Instant first = runAt();
        assertThat(first).as("first wait: 5 to 10 s (upper half of 10 s)")
                .isBetween(clock.instant().plusSeconds(5), clock.instant().plusSeconds(10));
        assertThat(runner.runOnce()).as("not due before its time").isZero();

        clock.set(first);
        assertThat(runner.runOnce()).isEqualTo(1);
        Instant second = runAt();
        assertThat(second).as("second wait: 10 to 20 s").isBetween(first.plusSeconds(10), first.plusSeconds(20));

        clock.set(second);
        assertThat(runner.runOnce()).isEqualTo(1);
        assertThat(db.sql("SELECT state FROM test_jobs").query(String.class).single()).isEqualTo("FAILED");
        assertThat(db.sql("SELECT attempts FROM test_jobs").query(Integer.class).single()).isEqualTo(3);
        assertThat(db.sql("SELECT count(*) FROM test_jobs WHERE run_at IS NOT NULL").query(Long.class).single()).isZero();
        clock.set(second.plus(Duration.ofDays(1)));
        assertThat(runner.runOnce()).as("given up: never again").isZero();
    }

    @Test
    void oneAccountsFloodDoesNotHoldUpAnothersItems() {
        UUID flood = UUID.randomUUID();
        UUID small = UUID.randomUUID();
        Instant now = Instant.now();
        queue(flood, 2000, now.minusSeconds(60)); // older, and many
        queue(small, 8, now.minusSeconds(1));
        TestJob job = new TestJob(settings(50, 5, Duration.ofMinutes(5), 3), i -> new Job.Outcome.Done(null));
        JobRunner<Item> runner = runner(job, Clock.systemUTC());

        assertThat(runner.runOnce()).isEqualTo(33);
        List<Item> first = job.batches.get(0);
        assertThat(first.stream().filter(i -> i.account().equals(small))).as("all of the small account's items in the first batch")
                .hasSize(8);
        assertThat(first.stream().filter(i -> i.account().equals(flood))).as("the flood's fair share: half the batch")
                .hasSize(25);
        runner.runOnce();
        assertThat(job.batches.get(1)).as("alone, the flood gets whole batches").hasSize(50);
    }

    private Instant runAt() {
        return db.sql("SELECT run_at FROM test_jobs").query(java.sql.Timestamp.class).single().toInstant();
    }
}
