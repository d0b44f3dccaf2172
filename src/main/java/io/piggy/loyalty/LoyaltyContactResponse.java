package io.piggy.loyalty;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.piggy.contact.ContactResponse;
import org.jspecify.annotations.Nullable;

import java.util.UUID;

/** The contact inside a transaction: who, and the balance right after the transaction was written. */
record LoyaltyContactResponse(UUID uuid, @Nullable String email,
                              @JsonProperty("credit_balance") ContactResponse.CreditBalance creditBalance) {
}
