package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.shared.api.Envelope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.UUID;

@RestController
@RequestMapping(LoyaltyApi.PREFIX + "/credit-receptions")
@Tag(name = "Credit receptions")
class CreditReceptionsController {
    private final CreditReceptionService receptions;

    CreditReceptionsController(CreditReceptionService receptions) {
        this.receptions = receptions;
    }

    record CalculationResponse(long credits) {
    }

    @PostMapping
    @Operation(summary = "Create a credit reception",
            description = "Gives credits to a contact: `credits` (may be negative for a partial refund, never below a "
                    + "zero balance), or `unit_value` (+ `unit_name`) for the earning rules. Other fields are stored "
                    + "as custom attributes and echoed back. Errors: 1003, 1008 shop, 55031 contact, 60003 "
                    + "identifier, 60007 unit, 55046 no default unit, 1015 above the maximum per reception, "
                    + "1017 balance too low for negative credits, 6001 POS transaction already linked.")
    Envelope<CreditReceptionResponse> create(AccountId account, @Valid @RequestBody CreateCreditReceptionRequest request) {
        return Envelope.of(receptions.create(account, request));
    }

    @GetMapping("/calculate")
    @Operation(summary = "Calculate the credits of a reception",
            description = "What a reception of this unit value would give, without creating one. "
                    + "Errors: 1003, 1008, 55031, 60007, 55046, 1015.")
    Envelope<CalculationResponse> calculate(AccountId account,
                                            @RequestParam(name = "shop_uuid") UUID shopUuid,
                                            @RequestParam(name = "unit_value") BigDecimal unitValue,
                                            @RequestParam(name = "contact_uuid", required = false) UUID contactUuid,
                                            @RequestParam(name = "unit_name", required = false) String unitName) {
        return Envelope.of(new CalculationResponse(
                receptions.calculate(account, shopUuid, unitValue, contactUuid, unitName)));
    }

    @PostMapping("/{creditReceptionUuid}/reverse")
    @Operation(summary = "Reverse a credit reception",
            description = "Creates the linked reception with the opposite credits. Errors: 1028 unknown reception, "
                    + "1003 the reception is itself a reversal, 1410 reversed already, 1017 the credits were spent.")
    Envelope<CreditReceptionResponse> reverse(AccountId account, @PathVariable UUID creditReceptionUuid) {
        return Envelope.of(receptions.reverse(account, creditReceptionUuid));
    }
}
