package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.contact.ContactDirectory;
import io.piggy.shared.api.Envelope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@Tag(name = "Contacts")
class CreditBalanceController {
    private final ContactDirectory contacts;
    private final Balances balances;

    CreditBalanceController(ContactDirectory contacts, Balances balances) {
        this.contacts = contacts;
        this.balances = balances;
    }

    record CreditBalanceResponse(long balance) {
    }

    @GetMapping(LoyaltyApi.PREFIX + "/contacts/{contactUuid}/credit-balance")
    @Operation(summary = "Get a contact's credit balance", description = "One row read. Errors: 1003, 55031.")
    Envelope<CreditBalanceResponse> get(AccountId account, @PathVariable UUID contactUuid) {
        contacts.require(account, contactUuid);
        return Envelope.of(new CreditBalanceResponse(balances.balance(account, contactUuid)));
    }
}
