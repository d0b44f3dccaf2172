package io.piggy.webhook;

import io.piggy.account.AccountId;
import io.piggy.account.AccountSecrets;
import io.piggy.shared.events.Events;
import io.piggy.shared.jobs.ClaimSql;
import io.piggy.shared.jobs.Job;
import io.piggy.shared.jobs.JobSettings;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Webhook delivery on the job runner. A claim first fans new events out ({@link Fanout}), then takes
 * due deliveries whose subscription has no earlier pending delivery for the same contact, so a
 * contact's deliveries go out in order; deliveries without a contact go out side by side. A batch's
 * POSTs run at once; each is settled with its attempt in the log ({@link DeliveryLog}).
 */
final class DeliveryJob implements Job<Delivery> {
    private static final ClaimSql CLAIM = new ClaimSql("webhook_deliveries", """
            AND (t.contact_id IS NULL OR NOT EXISTS (
                SELECT 1 FROM webhook_deliveries e WHERE e.account_id = t.account_id
                AND e.subscription_id = t.subscription_id AND e.contact_id = t.contact_id
                AND e.event_id < t.event_id AND e.run_at IS NOT NULL))""", """
            SELECT c.account_id, c.id, c.attempts, c.subscription_id, s.status, s.url, s.secret, c.event_uuid,
                   c.event_type, e.payload::text AS payload, c.created_at
            FROM claimed c
            JOIN webhook_subscriptions s ON s.account_id = c.account_id AND s.id = c.subscription_id
            LEFT JOIN outbox_events e ON e.id = c.event_id AND e.account_id = c.account_id
            ORDER BY c.event_id""");
    private static final RowMapper<Delivery> MAPPER = (rs, n) -> new Delivery(rs.getObject("account_id", UUID.class),
            rs.getLong("id"), rs.getInt("attempts"), rs.getObject("subscription_id", UUID.class), rs.getString("status"),
            rs.getString("url"), rs.getString("secret"), rs.getObject("event_uuid", UUID.class),
            rs.getString("event_type"), rs.getString("payload"), rs.getTimestamp("created_at").toInstant());

    private final JobSettings settings;
    private final Fanout fanout;
    private final DeliveryLog log;
    private final Sender sender;
    private final Targets targets;
    private final AccountSecrets secrets;
    private final JsonMapper json;
    private final WebhookMetrics metrics;
    private final Clock clock;

    DeliveryJob(JobSettings settings, Fanout fanout, DeliveryLog log, Sender sender, Targets targets,
                AccountSecrets secrets, JsonMapper json, WebhookMetrics metrics, Clock clock) {
        this.settings = settings;
        this.fanout = fanout;
        this.log = log;
        this.sender = sender;
        this.targets = targets;
        this.secrets = secrets;
        this.json = json;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public JobSettings settings() {
        return settings;
    }

    @Override
    public ClaimSql claimSql() {
        return CLAIM;
    }

    @Override
    public RowMapper<Delivery> mapper() {
        return MAPPER;
    }

    @Override
    public int attempts(Delivery item) {
        return item.attempts();
    }

    @Override
    public void beforeClaim(Instant now) {
        fanout.run(now);
    }

    @Override
    public List<Outcome> run(List<Delivery> items) {
        Map<UUID, String> accountSecrets = new HashMap<>();
        List<CompletableFuture<Outcome>> pending = new ArrayList<>(items.size());
        for (Delivery d : items) {
            pending.add(attempt(d, accountSecrets));
        }
        List<Outcome> outcomes = new ArrayList<>(items.size());
        for (CompletableFuture<Outcome> f : pending) {
            outcomes.add(f.join()); // each ends by its own timeout
        }
        return outcomes;
    }

    private CompletableFuture<Outcome> attempt(Delivery d, Map<UUID, String> accountSecrets) {
        Instant now = clock.instant();
        if (!"ACTIVE".equals(d.subscriptionStatus())) {
            return refused(now, "The subscription is " + d.subscriptionStatus() + ".");
        }
        if (d.payload() == null) {
            return refused(now, "The event is no longer stored.");
        }
        try {
            if (targets.privateAddress(java.net.URI.create(d.url()).getHost())) {
                return refused(now, "The url now points to a private, loopback or link-local address.");
            }
        } catch (java.net.UnknownHostException | IllegalArgumentException e) {
            // sent anyway: the attempt fails and is retried, as any unreachable receiver
        }
        String secret = d.secret() != null ? d.secret() : accountSecrets.computeIfAbsent(d.account(),
                a -> secrets.of(new AccountId(a)).orElseThrow());
        byte[] body = json.writeValueAsBytes(Events.body(d.eventType(), json.readTree(d.payload())));
        return sender.send(d.url(), d.eventUuid().toString(), body, secret).thenApply(attempt -> {
            metrics.attempted(attempt, d.eventCreatedAt(), clock.instant());
            return attempt.status() != null && attempt.status() / 100 == 2 ? new Outcome.Done(attempt)
                    : new Outcome.Failed(attempt, attempt.error() != null ? attempt.error() : "HTTP " + attempt.status(), false);
        });
    }

    private static CompletableFuture<Outcome> refused(Instant now, String why) {
        return CompletableFuture.completedFuture(new Outcome.Failed(new Attempt(now, null, 0, null, why), why, true));
    }

    @Override
    public void settle(List<Settled<Delivery>> settled) {
        log.settle(settled, clock.instant());
        settled.forEach(s -> metrics.settled(s.state()));
    }

    /** Timestamps as the database takes them. */
    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
