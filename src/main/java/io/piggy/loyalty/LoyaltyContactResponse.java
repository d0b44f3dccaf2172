package io.piggy.loyalty;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.piggy.contact.ContactResponse;

import java.util.UUID;

/** The contact inside a transaction: who, and the balance right after the transaction was written. */
record LoyaltyContactResponse(UUID uuid, String email,
                              @JsonProperty("credit_balance") ContactResponse.CreditBalance creditBalance) {
}
