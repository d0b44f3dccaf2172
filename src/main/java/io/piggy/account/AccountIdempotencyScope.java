package io.piggy.account;

import io.piggy.shared.auth.BearerToken;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.IdempotencyScope;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Idempotency keys are kept per account: the account of the request's token. */
@Component
class AccountIdempotencyScope implements IdempotencyScope {
    private final AccountService accounts;

    AccountIdempotencyScope(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<UUID> accountOf(HttpServletRequest request) {
        Optional<String> token = BearerToken.of(request);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            AccountId account = accounts.authenticate(token.get());
            request.setAttribute(AccountAuthentication.ACCOUNT, account); // spares the interceptor a lookup
            return Optional.of(account.value());
        } catch (ApiException unauthenticated) {
            return Optional.empty();
        }
    }
}
