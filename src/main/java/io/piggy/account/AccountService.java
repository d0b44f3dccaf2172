package io.piggy.account;

import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Accounts and the credentials that act for them. */
@Service
public class AccountService {
    private final Accounts accounts;
    private final AccessTokens tokens;
    private final OAuthClients clients;
    private final Clock clock;

    AccountService(Accounts accounts, AccessTokens tokens, OAuthClients clients, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.clients = clients;
        this.clock = clock;
    }

    record NewAccount(UUID id, String name, String accessToken) {
    }

    @Transactional
    NewAccount create(String name) {
        Accounts.Account account = accounts.create(name);
        return new NewAccount(account.id(), account.name(), tokens.issuePersonal(account.id(), "initial").token());
    }

    List<Accounts.Listed> accounts(long offset, int limit) {
        return accounts.page(offset, limit);
    }

    long accountCount() {
        return accounts.count();
    }

    @Transactional(readOnly = true)
    List<AccessTokens.Listed> tokens(UUID account) {
        requireAccount(account);
        return tokens.list(account);
    }

    @Transactional
    AccessTokens.Issued issueToken(UUID account, String name) {
        requireAccount(account);
        return tokens.issuePersonal(account, name == null || name.isBlank() ? "personal access token" : name);
    }

    @Transactional
    void revokeToken(UUID account, UUID tokenId) {
        requireAccount(account);
        if (!tokens.revoke(account, tokenId)) {
            throw new ApiException(ErrorCode.MODEL_NOT_FOUND, "No live token " + tokenId + " in this account.");
        }
    }

    @Transactional
    OAuthClients.Issued issueClient(UUID account, String name) {
        requireAccount(account);
        return clients.issue(account, name == null || name.isBlank() ? "OAuth client" : name);
    }

    @Transactional
    Optional<AccessTokens.Issued> exchangeClientCredentials(UUID clientId, String secret, Duration lifetime) {
        return clients.authenticate(clientId, secret)
                .map(account -> tokens.issueOAuth(account, clientId, clock.instant().plus(lifetime)));
    }

    /**
     * The account a bearer token acts for; 401 when unknown or revoked, 3000 when expired. One read,
     * on every request: no transaction around it (that would cost two more round trips each time).
     */
    public AccountId authenticate(String token) {
        AccessTokens.Holder holder = tokens.findLive(token).orElseThrow(() -> new ApiException(
                ErrorCode.UNAUTHENTICATED, "Unknown or revoked access token. Send a valid one as 'Authorization: Bearer <token>'."));
        if (holder.expiresAt() != null && !holder.expiresAt().isAfter(clock.instant())) {
            throw new ApiException(ErrorCode.TOKEN_EXPIRED, "The access token has expired. Request a new one at /oauth/token.");
        }
        return new AccountId(holder.accountId());
    }

    private void requireAccount(UUID account) {
        if (accounts.find(account).isEmpty()) {
            throw notFound(account);
        }
    }

    private static ApiException notFound(UUID account) {
        return new ApiException(ErrorCode.MODEL_NOT_FOUND, "Account " + account + " not found. GET /api/admin/accounts lists them.");
    }
}
