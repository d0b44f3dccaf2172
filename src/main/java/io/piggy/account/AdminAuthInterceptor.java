package io.piggy.account;

import io.piggy.shared.auth.BearerToken;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/** The admin API opens only to PIGGY_ADMIN_TOKEN; an account token gets 403, anything else 401. */
class AdminAuthInterceptor implements HandlerInterceptor {
    private final AdminToken admin;
    private final AccountService accounts;

    AdminAuthInterceptor(AdminToken admin, AccountService accounts) {
        this.admin = admin;
        this.accounts = accounts;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!admin.configured()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED,
                    "The admin API is off. Start Piggy with PIGGY_ADMIN_TOKEN set to use it.");
        }
        String token = BearerToken.of(request).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED,
                "Send the admin token as 'Authorization: Bearer <token>'."));
        if (admin.matches(token)) {
            return true;
        }
        accounts.authenticate(token); // throws 401 for a token that is no account's either
        throw new ApiException(ErrorCode.NO_ACCESS_TO_ACCOUNT,
                "Account tokens cannot use the admin API. Use the token from PIGGY_ADMIN_TOKEN.");
    }
}
