package io.piggy.account;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /loyalty-program}: the program and its default unit. */
public record LoyaltyProgramResponse(
        long id,
        String name,
        @JsonProperty("max_amount") Long maxAmount,
        @JsonProperty("custom_credit_name") String customCreditName,
        Unit unit) {

    public record Unit(String name, String label, String prefix) {
    }
}
