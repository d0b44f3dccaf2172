package io.piggy.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.PageRequest;
import io.piggy.shared.api.Paging;
import io.piggy.shared.api.PiggyExtension;
import io.piggy.shared.jobs.JobRunner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The delivery log of a subscription, and redelivery of what failed (extensions). */
@RestController
@RequestMapping("/api/v3/oauth/clients/webhook-subscriptions/{webhookSubscriptionUuid}/deliveries")
@Tag(name = "Webhooks")
class WebhookDeliveriesController {
    private static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "FAILED");
    private final WebhookSubscriptionService subscriptions;
    private final DeliveryLog log;
    private final JobRunner<Delivery> runner;

    WebhookDeliveriesController(WebhookSubscriptionService subscriptions, DeliveryLog log, JobRunner<Delivery> runner) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.runner = runner;
    }

    @Schema(name = "WebhookDeliveryAttempt")
    record AttemptResponse(@JsonProperty("attempted_at") Instant attemptedAt,
                           @JsonProperty("status_code") @Nullable Integer statusCode,
                           @JsonProperty("latency_ms") long latencyMs, @Nullable String response, @Nullable String error) {
    }

    @Schema(name = "WebhookDelivery")
    record DeliveryResponse(@JsonProperty("event_uuid") UUID eventUuid, @JsonProperty("event_type") String eventType,
                            String status, int attempts, @JsonProperty("created_at") Instant createdAt,
                            @JsonProperty("delivered_at") @Nullable Instant deliveredAt,
                            @JsonProperty("last_error") @Nullable String lastError,
                            @JsonProperty("attempt_log") List<AttemptResponse> attemptLog) {
        static DeliveryResponse of(DeliveryLog.Entry e) {
            return new DeliveryResponse(e.eventUuid(), e.eventType(), e.status(), e.log().size(), e.createdAt(),
                    e.deliveredAt(), e.lastError(), e.log().stream().map(a -> new AttemptResponse(a.attemptedAt(),
                    a.statusCode(), a.latencyMs(), a.response(), a.error())).toList());
        }
    }

    @GetMapping
    @PiggyExtension
    @Operation(summary = "List a subscription's deliveries", description = "Newest first, each with every attempt: "
            + "its time, status code, latency and the first 1024 bytes of the answer. status filters (PENDING, "
            + "DELIVERED, FAILED); page and limit (default 30, at most 100). 80300 unknown subscription, 1003 bad filter.")
    Envelope<List<DeliveryResponse>> list(AccountId account, @PathVariable UUID webhookSubscriptionUuid,
                                          @RequestParam(required = false) String status,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.invalidField("status", "The status must be PENDING, DELIVERED or FAILED.");
        }
        PageRequest paging = PageRequest.of(page, limit, 30, 100);
        subscriptions.find(account, webhookSubscriptionUuid);
        return Envelope.of(log.list(account, webhookSubscriptionUuid, status, paging.offset(), paging.limit()).stream()
                .map(DeliveryResponse::of).toList(),
                Paging.custom(paging, log.count(account, webhookSubscriptionUuid, status)));
    }

    @PostMapping("/redeliver")
    @PiggyExtension
    @Operation(summary = "Redeliver every failed delivery", description = "Each gets a fresh set of attempts; "
            + "answers how many. 80300 unknown subscription.")
    Envelope<Map<String, Integer>> redeliverAll(AccountId account, @PathVariable UUID webhookSubscriptionUuid) {
        return redeliver(account, webhookSubscriptionUuid, null);
    }

    @PostMapping("/{eventUuid}/redeliver")
    @PiggyExtension
    @Operation(summary = "Redeliver one failed delivery", description = "The delivery of that event, with a fresh "
            + "set of attempts. 80300 unknown subscription or no failed delivery of that event.")
    Envelope<Map<String, Integer>> redeliverOne(AccountId account, @PathVariable UUID webhookSubscriptionUuid,
                                                @PathVariable UUID eventUuid) {
        Envelope<Map<String, Integer>> answer = redeliver(account, webhookSubscriptionUuid, eventUuid);
        if (answer.data().get("redelivered") == 0) {
            throw WebhookSubscriptionService.notFound();
        }
        return answer;
    }

    private Envelope<Map<String, Integer>> redeliver(AccountId account, UUID subscription, UUID event) {
        subscriptions.find(account, subscription);
        int count = log.redeliver(account, subscription, event);
        runner.wake();
        return Envelope.of(Map.of("redelivered", count));
    }
}
