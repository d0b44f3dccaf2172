package io.piggy.account;

import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.auth.BearerToken;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Who an account request acts for, resolved once per request from its bearer token: the account
 * API's routes and every other front end that takes account tokens (the MCP server) ask here.
 */
@Component
public class AccountAuthentication {
    static final String ACCOUNT = AccountAuthentication.class.getName() + ".account";

    private final AccountService accounts;
    private final AdminToken admin;

    AccountAuthentication(AccountService accounts, AdminToken admin) {
        this.accounts = accounts;
        this.admin = admin;
    }

    /** The request's account; 401 (1401) without a token or with an unknown one, 3000 expired, 7011 the admin token. */
    public AccountId authenticate(HttpServletRequest request) {
        Object known = request.getAttribute(ACCOUNT);
        if (known != null) {
            return (AccountId) known;
        }
        String token = BearerToken.of(request).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED,
                "Send an access token as 'Authorization: Bearer <token>'."));
        if (admin.matches(token)) {
            throw new ApiException(ErrorCode.NO_ACCESS_TO_ACCOUNT,
                    "The admin token only opens /api/admin. Use an account's access token here.");
        }
        AccountId account = accounts.authenticate(token);
        request.setAttribute(ACCOUNT, account);
        return account;
    }

    /** The account an earlier {@link #authenticate} found for this request, or null. */
    public static AccountId of(HttpServletRequest request) {
        return (AccountId) request.getAttribute(ACCOUNT);
    }
}
