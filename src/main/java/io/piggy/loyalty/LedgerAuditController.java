package io.piggy.loyalty;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.piggy.account.AccountId;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.PiggyExtension;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "Loyalty transactions")
class LedgerAuditController {
    private final Balances balances;

    LedgerAuditController(Balances balances) {
        this.balances = balances;
    }

    record AuditResponse(boolean consistent, @JsonProperty("contacts_checked") long contactsChecked,
                         List<Balances.Difference> differences) {
    }

    @GetMapping(LoyaltyApi.PREFIX + "/loyalty/audit")
    @PiggyExtension
    @Operation(summary = "Audit the credits ledger",
            description = "Recomputes every contact's balance and totals of this account from the ledger and lists "
                    + "each contact whose stored balance row differs (none, when all is well). Reads the whole "
                    + "ledger of the account: run it off-peak.")
    Envelope<AuditResponse> audit(AccountId account) {
        List<Balances.Difference> differences = balances.audit(account);
        return Envelope.of(new AuditResponse(differences.isEmpty(), balances.contactCount(account), differences));
    }
}
