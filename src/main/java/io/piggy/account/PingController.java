package io.piggy.account;

import io.piggy.shared.api.Envelope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Plugins call the API root to check their credentials (Magento's ping). */
@RestController
@Tag(name = "Health")
class PingController {

    @GetMapping(AuthConfiguration.ACCOUNT_API)
    @Operation(summary = "Health check", description = "Answers when the token is valid.")
    Envelope<Map<String, Object>> ping(AccountId account) {
        return Envelope.of(Map.of("status", "ok", "account_uuid", account.value()));
    }
}
