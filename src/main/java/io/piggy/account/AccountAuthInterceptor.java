package io.piggy.account;

import io.piggy.shared.auth.BearerToken;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/** Every account route needs an account token; the account it names scopes every query. */
class AccountAuthInterceptor implements HandlerInterceptor {
    static final String ACCOUNT = AccountAuthInterceptor.class.getName() + ".account";

    private final AccountService accounts;
    private final AdminToken admin;

    AccountAuthInterceptor(AccountService accounts, AdminToken admin) {
        this.accounts = accounts;
        this.admin = admin;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String token = BearerToken.of(request).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED,
                "Send an access token as 'Authorization: Bearer <token>'."));
        if (admin.matches(token)) {
            throw new ApiException(ErrorCode.NO_ACCESS_TO_ACCOUNT,
                    "The admin token only opens /api/admin. Use an account's access token here.");
        }
        if (request.getAttribute(ACCOUNT) == null) {
            request.setAttribute(ACCOUNT, accounts.authenticate(token));
        }
        return true;
    }
}
