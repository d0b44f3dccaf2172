package io.piggy.voucher;

import io.piggy.shared.jobs.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Voucher batch settings ({@code piggy.vouchers.batch.*}).
 * @param maxQuantity        largest quantity one batch may ask for
 * @param chunkSize          vouchers committed per transaction
 * @param workers            worker threads per instance
 * @param pollInterval       how often an idle worker looks for work another instance queued
 * @param retryInitialDelay  wait after a chunk's first transient failure; it doubles with each further one
 * @param retryMaxDelay      the longest wait between two attempts of a chunk
 */
@ConfigurationProperties("piggy.vouchers.batch")
record BatchProperties(@DefaultValue("5000000") long maxQuantity, @DefaultValue("10000") int chunkSize,
                       @DefaultValue("2") int workers, @DefaultValue("1s") Duration pollInterval,
                       @DefaultValue("1s") Duration retryInitialDelay, @DefaultValue("5m") Duration retryMaxDelay) {

    Backoff retryBackoff() {
        return new Backoff(retryInitialDelay, retryMaxDelay);
    }
}
