package io.piggy.shared.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * A second port for health and metrics ({@code piggy.management.port}, off unless set; 0 picks a
 * free one), with two threads of its own. The main port's threads are the work slots
 * ({@link HttpConcurrency}): when every one is busy, a probe on the main port waits in the queue
 * behind the work, but on this port it is answered at once. Only {@code /actuator} is served here;
 * the main port keeps serving it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ManagementPort extends OncePerRequestFilter implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    static final int THREADS = 2;

    private final Integer port;
    private final JsonMapper json;
    private volatile Connector connector;

    public ManagementPort(@Value("${piggy.management.port:}") Integer port, JsonMapper json) {
        this.port = port;
        this.json = json;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (port == null || port < 0) {
            return;
        }
        Connector extra = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        extra.setPort(port);
        if (extra.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
            protocol.setMaxThreads(THREADS);
            protocol.setMinSpareThreads(1);
        }
        factory.addAdditionalConnectors(extra);
        connector = extra;
    }

    /** The port it listens on once started (the chosen one when configured as 0), or -1 when off. */
    public int localPort() {
        return connector == null ? -1 : connector.getLocalPort();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return connector == null || request.getLocalPort() != connector.getLocalPort()
                || request.getRequestURI().startsWith("/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ErrorResponses.write(response, json, new ApiException(ErrorCode.ROUTE_NOT_FOUND,
                "The management port serves /actuator only; send API requests to the main port."));
    }
}
