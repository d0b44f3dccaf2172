package io.piggy.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/** Every account route needs an account token; the account it names scopes every query. */
class AccountAuthInterceptor implements HandlerInterceptor {
    private final AccountAuthentication authentication;

    AccountAuthInterceptor(AccountAuthentication authentication) {
        this.authentication = authentication;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        authentication.authenticate(request);
        return true;
    }
}
