package io.piggy.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.piggy.account.AccountSecrets;
import io.piggy.shared.jobs.JobRunner;
import io.piggy.shared.jobs.JobSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;

/** Webhook delivery runs on the shared job runner, as job "webhook-delivery". */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {
    static final String JOB = "webhook-delivery";

    @Bean
    JobRunner<Delivery> webhookDeliveries(WebhookProperties p, JdbcClient db, PlatformTransactionManager transactions,
                                          Clock clock, MeterRegistry registry, DeliveryLog log, AccountSecrets secrets,
                                          JsonMapper json, @Value("${piggy.events.expiry:P30D}") Duration expiry) {
        JobSettings settings = new JobSettings(JOB, p.workers(), p.batchSize(), Math.max(1, p.batchSize() / 10),
                p.lease(), p.pollInterval(), p.retryBackoff(), p.maxAttempts());
        DeliveryJob job = new DeliveryJob(settings, new Fanout(db, expiry, 1000), log,
                new Sender(p.connectTimeout(), p.timeout(), clock), new Targets(p.allowPrivateAddresses()), secrets, json,
                new WebhookMetrics(registry, db, clock, expiry), clock);
        return new JobRunner<>(job, db, transactions, clock, registry);
    }
}
