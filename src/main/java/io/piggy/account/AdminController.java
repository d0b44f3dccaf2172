package io.piggy.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.PiggyExtension;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

/** The operator's API, open only to PIGGY_ADMIN_TOKEN. */
@RestController
@RequestMapping("/api/admin/accounts")
@Tag(name = "Administration")
class AdminController {
    private final AccountService accounts;

    AdminController(AccountService accounts) {
        this.accounts = accounts;
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
}
