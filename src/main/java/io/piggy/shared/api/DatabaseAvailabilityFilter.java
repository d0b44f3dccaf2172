package io.piggy.shared.api;

import io.piggy.shared.db.DatabaseFailures;
import io.piggy.shared.db.DatabaseMonitor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * While the database is known to be down, requests answer 503 (code 1503, Retry-After) at once
 * instead of each waiting for a connection; and a request whose database work failed for want of
 * a database in a filter (where the controller advice does not reach) answers the same. Health,
 * metrics and the API description do not need the database and pass.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class DatabaseAvailabilityFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailabilityFilter.class);

    private final DatabaseMonitor monitor;
    private final JsonMapper json;

    public DatabaseAvailabilityFilter(DatabaseMonitor monitor, JsonMapper json) {
        this.monitor = monitor;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.startsWith("/actuator") || uri.startsWith("/v3/api-docs") || uri.startsWith("/swagger-ui");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!monitor.isUp()) {
            ErrorResponses.write(response, json, ApiExceptionHandler.databaseUnavailable());
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable: {}", e.getMessage());
            response.resetBuffer(); // keeps X-Request-Id
            ErrorResponses.write(response, json, ApiExceptionHandler.databaseUnavailable());
        }
    }
}
