package io.piggy.account;

import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(AuthConfiguration.ACCOUNT_API + "/units")
@Tag(name = "Units")
class UnitsController {
    private final Units units;
    private final TransactionTemplate tx;

    UnitsController(Units units, TransactionTemplate tx) {
        this.units = units;
        this.tx = tx;
    }

    @GetMapping
    @Operation(summary = "List units of the loyalty program")
    Envelope<List<UnitResponse>> list(AccountId account) {
        return Envelope.of(units.all(account));
    }

    @PostMapping
    @Operation(summary = "Create a unit", description = "55045 when a unit with that name exists. "
            + "The prefix defaults to the first character of the label.")
    Envelope<UnitResponse> create(AccountId account, @Valid @RequestBody CreateUnitRequest request) {
        String label = request.label().trim();
        String prefix = request.prefix() != null ? request.prefix() : label.substring(0, 1);
        boolean isDefault = Boolean.TRUE.equals(request.isDefault());
        UnitResponse created = tx.execute(status -> {
            if (!units.insert(account, request.name(), label, prefix, isDefault)) {
                throw new ApiException(ErrorCode.UNIT_ALREADY_EXISTS,
                        "A unit named '" + request.name() + "' already exists. Pick another name.");
            }
            return units.byName(account, request.name()).orElseThrow();
        });
        return Envelope.of(created);
    }
}
