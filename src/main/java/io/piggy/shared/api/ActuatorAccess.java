package io.piggy.shared.api;

import io.piggy.shared.auth.BearerToken;
import io.piggy.shared.auth.Secrets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * Who may read {@code /actuator}. Health probes and info are open everywhere (a load balancer
 * needs them without a secret). Metrics tell request paths, rates and pool sizes, so on the main
 * port they answer only to {@code Authorization: Bearer <PIGGY_METRICS_TOKEN>}; without that
 * setting they are not served there at all. The management port ({@link ManagementPort}) is meant
 * for a private network and serves all of {@code /actuator} without a token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class ActuatorAccess extends OncePerRequestFilter {
    private final ManagementPort managementPort;
    private final byte[] metricsTokenHash;
    private final JsonMapper json;

    public ActuatorAccess(ManagementPort managementPort, @Value("${piggy.metrics-token:}") String metricsToken,
                          JsonMapper json) {
        this.managementPort = managementPort;
        this.metricsTokenHash = metricsToken == null || metricsToken.isBlank() ? null : Secrets.hash(metricsToken);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (!path.startsWith("/actuator/") || request.getLocalPort() == managementPort.localPort()) {
            return true;
        }
        String endpoint = path.substring("/actuator/".length());
        return endpoint.equals("health") || endpoint.startsWith("health/") || endpoint.equals("info");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (metricsTokenHash == null) {
            ErrorResponses.write(response, json, new ApiException(ErrorCode.ROUTE_NOT_FOUND, "Metrics are not served on "
                    + "this port: set PIGGY_METRICS_TOKEN to read them here with that bearer token, or PIGGY_MANAGEMENT_PORT "
                    + "to serve them on a port of their own."));
            return;
        }
        if (BearerToken.of(request).filter(token -> Secrets.matches(token, metricsTokenHash)).isEmpty()) {
            ErrorResponses.write(response, json, new ApiException(ErrorCode.UNAUTHENTICATED,
                    "Metrics need 'Authorization: Bearer <PIGGY_METRICS_TOKEN>'."));
            return;
        }
        chain.doFilter(request, response);
    }
}
