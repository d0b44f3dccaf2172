package io.piggy.webhook;

import io.piggy.shared.jobs.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Webhook settings ({@code piggy.webhooks.*}, see application.yml and the README).
 * @param allowPrivateAddresses accept subscription URLs on private, loopback and link-local addresses
 * @param connectTimeout        to connect to a receiver
 * @param timeout               for a whole attempt, connect to last byte of the answer
 * @param workers               threads per instance that claim and send batches
 * @param batchSize             deliveries claimed at once
 * @param pollInterval          how often an idle worker looks for new events
 * @param retryInitialDelay     wait after the first failed attempt; it doubles with each further one
 * @param retryMaxDelay         the longest wait between two attempts
 * @param maxAttempts           attempts before a delivery is FAILED
 * @param inactiveAfter         a subscription failing this long without a success goes INACTIVE
 */
@ConfigurationProperties("piggy.webhooks")
record WebhookProperties(@DefaultValue("false") boolean allowPrivateAddresses,
                         @DefaultValue("10s") Duration connectTimeout, @DefaultValue("10s") Duration timeout,
                         @DefaultValue("2") int workers, @DefaultValue("200") int batchSize,
                         @DefaultValue("100ms") Duration pollInterval,
                         @DefaultValue("30s") Duration retryInitialDelay, @DefaultValue("8h") Duration retryMaxDelay,
                         @DefaultValue("16") int maxAttempts, @DefaultValue("24h") Duration inactiveAfter) {

    Backoff retryBackoff() {
        return new Backoff(retryInitialDelay, retryMaxDelay);
    }

    /** Long enough for every attempt of a batch to end (they run at once) and be written down. */
    Duration lease() {
        return timeout.plus(connectTimeout).multipliedBy(2).plusSeconds(5);
    }
}
