package io.piggy.shared.api;

import org.apache.coyote.AbstractProtocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * How many requests Piggy works on at once: two per core, at least four, unless
 * {@code piggy.http.max-concurrent-requests} says otherwise. Others wait in Tomcat's queue, in
 * arrival order, costing nothing while they wait.
 * <p>
 * Why so few (measured on 2 cores, BENCHMARKS.md): with Tomcat's default of 200 threads, 64
 * clients kept 64 requests runnable on 2 cores; they preempted each other mid-request, and Piggy
 * spent 3x the CPU per request of 4 threads (PostgreSQL a third more), for half the throughput.
 * A semaphore in a filter bounded the work too, but waking a parked thread per request cost
 * most of the gain; a small pool hands queued requests to running threads without a wake-up.
 * Raise it when the database is far away (network round trips leave the cores idle).
 */
@Component
public class HttpConcurrency implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
    private final int limit;

    public HttpConcurrency(@Value("${piggy.http.max-concurrent-requests}") int configured) {
        this.limit = configured > 0 ? configured : defaultLimit(Runtime.getRuntime().availableProcessors());
    }

    static int defaultLimit(int cores) {
        return Math.max(4, 2 * cores);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setMinSpareThreads(Math.min(protocol.getMinSpareThreads(), limit));
                protocol.setMaxThreads(limit);
            }
        });
    }

    /** After Spring Boot's own customizer, which applies server.tomcat.threads.max (200). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
