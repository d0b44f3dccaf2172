package io.piggy.mcp;

import io.piggy.account.AccountAuthentication;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * /mcp opens only to an account's access token, checked as on the account API and before any MCP
 * handling: no token or a wrong one is a 401 with Piggy's error body (the rate limiter, outside
 * this filter, counts it per address). Contact tokens are refused here (docs/decisions.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class McpAuthFilter extends OncePerRequestFilter {
    private final AccountAuthentication authentication;
    private final JsonMapper json;

    McpAuthFilter(AccountAuthentication authentication, JsonMapper json) {
        this.authentication = authentication;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !McpConfiguration.ENDPOINT.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            authentication.authenticate(request);
        } catch (ApiException refused) {
            if (refused.code().status().value() == HttpServletResponse.SC_UNAUTHORIZED) {
                response.setHeader("WWW-Authenticate", "Bearer");
            }
            ErrorResponses.write(response, json, refused);
            return;
        }
        chain.doFilter(request, response);
    }
}
