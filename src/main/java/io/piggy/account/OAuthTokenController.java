package io.piggy.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.UUID;

/** OAuth2 client credentials. The answer is not wrapped in {@code data}, as Piggy's is not. */
@RestController
@Tag(name = "Authentication")
class OAuthTokenController {
    private final AccountService accounts;
    private final Duration lifetime;

    OAuthTokenController(AccountService accounts, @Value("${piggy.oauth.token-lifetime}") Duration lifetime) {
        this.accounts = accounts;
        this.lifetime = lifetime;
    }

    record TokenRequest(
            @JsonProperty("grant_type") @NotBlank(message = "The grant_type field is required.")
            @Pattern(regexp = "client_credentials", message = "Only grant_type client_credentials is supported.")
            String grantType,
            @JsonProperty("client_id") @NotBlank(message = "The client_id field is required.") String clientId,
            @JsonProperty("client_secret") @NotBlank(message = "The client_secret field is required.") String clientSecret) {
    }

    record TokenResponse(@JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn,
                         @JsonProperty("access_token") String accessToken) {
    }

    @PostMapping("/oauth/token")
    @SecurityRequirements
    @Operation(summary = "Get an access token (client credentials)",
            description = "Form or JSON body: grant_type=client_credentials, client_id, client_secret.")
    TokenResponse token(@Valid @RequestBody TokenRequest request) {
        UUID clientId;
        try {
            clientId = UUID.fromString(request.clientId().trim());
        } catch (IllegalArgumentException e) {
            throw unknownClient();
        }
        AccessTokens.Issued issued = accounts.exchangeClientCredentials(clientId, request.clientSecret(), lifetime)
                .orElseThrow(OAuthTokenController::unknownClient);
        return new TokenResponse("Bearer", lifetime.toSeconds(), issued.token());
    }

    private static ApiException unknownClient() {
        return new ApiException(ErrorCode.UNAUTHENTICATED,
                "Client authentication failed: check client_id and client_secret.");
    }
}
