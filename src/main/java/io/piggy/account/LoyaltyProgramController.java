package io.piggy.account;

import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Loyalty program")
class LoyaltyProgramController {
    private final JdbcClient db;
    private final Units units;

    LoyaltyProgramController(JdbcClient db, Units units) {
        this.db = db;
        this.units = units;
    }

    @GetMapping(AuthConfiguration.ACCOUNT_API + "/loyalty-program")
    @Operation(summary = "Get the loyalty program", description = "With its default unit.")
    Envelope<LoyaltyProgramResponse> get(AccountId account) {
        LoyaltyProgramResponse.Unit unit = units.defaultUnit(account)
                .map(u -> new LoyaltyProgramResponse.Unit(u.name(), u.label(), u.prefix())).orElse(null);
        return Envelope.of(db.sql("""
                        SELECT display_id, name, max_amount, custom_credit_name FROM loyalty_programs
                        WHERE account_id = :account""")
                .param("account", account.value())
                .query((rs, n) -> new LoyaltyProgramResponse(rs.getLong(1), rs.getString(2),
                        (Long) rs.getObject(3), rs.getString(4), unit))
                .optional().orElseThrow(() -> new ApiException(ErrorCode.LOYALTY_PROGRAM_NOT_FOUND)));
    }
}
