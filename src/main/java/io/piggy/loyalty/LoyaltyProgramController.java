package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.PiggyExtension;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(LoyaltyApi.PREFIX + "/loyalty-program")
@Tag(name = "Loyalty program")
class LoyaltyProgramController {
    private final LoyaltyProgramService program;

    LoyaltyProgramController(LoyaltyProgramService program) {
        this.program = program;
    }

    @GetMapping
    @Operation(summary = "Get the loyalty program",
            description = "With its default unit, max_amount (the most credits one reception may give; 0 when there is no maximum) and, as our "
                    + "extension, the earning rules of every unit. Errors: 1103.")
    Envelope<LoyaltyProgramResponse> get(AccountId account) {
        return Envelope.of(program.get(account));
    }

    @PutMapping
    @PiggyExtension
    @Operation(summary = "Set the maximum per reception and the earning rules",
            description = "max_amount (null, empty or 0: no maximum) and earning_rules (replaces all rules: unit_name, "
                    + "optional shop_uuid, credits per unit_value, rounding DOWN|UP|HALF_UP). Fields left out stay. "
                    + "Errors: 1003, 60007, 1008.")
    Envelope<LoyaltyProgramResponse> update(AccountId account, @Valid @RequestBody UpdateLoyaltyProgramRequest request) {
        return Envelope.of(program.update(account, request));
    }
}
