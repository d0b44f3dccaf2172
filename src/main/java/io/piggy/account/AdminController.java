package io.piggy.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.PageRequest;
import io.piggy.shared.api.Paging;
import io.piggy.shared.api.PiggyExtension;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The operator's API, open only to PIGGY_ADMIN_TOKEN. */
@RestController
@RequestMapping("/api/admin/accounts")
@Tag(name = "Administration")
class AdminController {
    private final AccountService accounts;
    private final AccountSecrets secrets;

    AdminController(AccountService accounts, AccountSecrets secrets) {
        this.accounts = accounts;
        this.secrets = secrets;
    }

    record SecretResponse(String secret) {
    }

    record CreateAccountRequest(
            @NotBlank(message = "The name field is required.") @Size(max = 255, message = "The name may have at most 255 characters.")
            String name) {
    }

    record AccountResponse(UUID uuid, String name, @JsonProperty("access_token") String accessToken) {
    }

    record NameRequest(@Size(max = 255, message = "The name may have at most 255 characters.") String name) {
    }

    @Schema(name = "IssuedTokenResponse") // OAuthTokenController has a TokenResponse too
    record TokenResponse(UUID uuid, @JsonProperty("access_token") String accessToken,
                         @JsonProperty("expires_at") @Nullable Instant expiresAt) {
    }

    record ClientResponse(@JsonProperty("client_id") UUID clientId, @JsonProperty("client_secret") String clientSecret,
                          String name) {
    }

    record ListedAccount(UUID uuid, String name, @JsonProperty("created_at") Instant createdAt,
                         @Schema(description = "The oldest account: the one first start created as 'Default'.")
                         @JsonProperty("is_default") boolean isDefault) {
        static ListedAccount of(Accounts.Listed a) {
            return new ListedAccount(a.id(), a.name(), a.createdAt(), a.oldest());
        }
    }

    record ListedToken(UUID uuid, String name,
                       @Schema(description = "personal: issued here or at first start; oauth: from POST /oauth/token.")
                       String kind,
                       @JsonProperty("client_id") @Nullable UUID clientId,
                       @JsonProperty("created_at") Instant createdAt,
                       @JsonProperty("expires_at") @Nullable Instant expiresAt,
                       @JsonProperty("revoked_at") @Nullable Instant revokedAt) {
        static ListedToken of(AccessTokens.Listed t) {
            return new ListedToken(t.id(), t.name(), t.kind(), t.clientId(), t.createdAt(), t.expiresAt(), t.revokedAt());
        }
    }

    @GetMapping
    @PiggyExtension
    @Operation(summary = "List accounts", description = "Oldest first; is_default marks the one first start created. "
            + "page and limit (default 30, at most 100).")
    Envelope<List<ListedAccount>> list(@RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer limit) {
        PageRequest paging = PageRequest.of(page, limit, 30, 100);
        return Envelope.of(accounts.accounts(paging.offset(), paging.limit()).stream().map(ListedAccount::of).toList(),
                Paging.custom(paging, accounts.accountCount()));
    }

    @GetMapping("/{accountUuid}/tokens")
    @PiggyExtension
    @Operation(summary = "List an account's access tokens", description = "Newest first, live and revoked, without "
            + "their secrets (a token is shown only when issued). Revoke one with DELETE .../tokens/{tokenUuid}.")
    Envelope<List<ListedToken>> tokens(@PathVariable UUID accountUuid) {
        return Envelope.of(accounts.tokens(accountUuid).stream().map(ListedToken::of).toList());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PiggyExtension
    @Operation(summary = "Create an account", description = "With its Main shop, loyalty program, default unit and "
            + "a first access token, shown only in this answer.")
    Envelope<AccountResponse> create(@Valid @RequestBody CreateAccountRequest request) {
        AccountService.NewAccount created = accounts.create(request.name().trim());
        return Envelope.of(new AccountResponse(created.id(), created.name(), created.accessToken()));
    }

    @PostMapping("/{accountUuid}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @PiggyExtension
    @Operation(summary = "Issue another access token", description = "The token is shown only in this answer.")
    Envelope<TokenResponse> issueToken(@PathVariable UUID accountUuid, @Valid @RequestBody(required = false) NameRequest request) {
        AccessTokens.Issued issued = accounts.issueToken(accountUuid, request == null ? null : request.name());
        return Envelope.of(new TokenResponse(issued.id(), issued.token(), issued.expiresAt()));
    }

    @DeleteMapping("/{accountUuid}/tokens/{tokenUuid}")
    @PiggyExtension
    @Operation(summary = "Revoke an access token", description = "Effective at once, on every instance.")
    Envelope<Object> revokeToken(@PathVariable UUID accountUuid, @PathVariable UUID tokenUuid) {
        accounts.revokeToken(accountUuid, tokenUuid);
        return Envelope.of(null);
    }

    @PostMapping("/{accountUuid}/oauth-clients")
    @ResponseStatus(HttpStatus.CREATED)
    @PiggyExtension
    @Operation(summary = "Issue an OAuth client", description = "For the client-credentials flow at POST /oauth/token. "
            + "The secret is shown only in this answer.")
    Envelope<ClientResponse> issueClient(@PathVariable UUID accountUuid, @Valid @RequestBody(required = false) NameRequest request) {
        OAuthClients.Issued issued = accounts.issueClient(accountUuid, request == null ? null : request.name());
        return Envelope.of(new ClientResponse(issued.clientId(), issued.secret(), issued.name()));
    }

    @GetMapping("/{accountUuid}/secret")
    @PiggyExtension
    @Operation(summary = "Show the account secret", description = "Signs webhooks of subscriptions without a "
            + "secret of their own. 60013 for an unknown account.")
    Envelope<SecretResponse> secret(@PathVariable UUID accountUuid) {
        return Envelope.of(new SecretResponse(secrets.show(accountUuid)));
    }

    @PostMapping("/{accountUuid}/secret")
    @PiggyExtension
    @Operation(summary = "Rotate the account secret", description = "A new secret at once; deliveries from now on "
            + "are signed with it. 60013 for an unknown account.")
    Envelope<SecretResponse> rotateSecret(@PathVariable UUID accountUuid) {
        return Envelope.of(new SecretResponse(secrets.rotate(accountUuid)));
    }
}
