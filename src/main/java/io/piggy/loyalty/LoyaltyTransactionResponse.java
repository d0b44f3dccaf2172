package io.piggy.loyalty;

/** An item of GET /loyalty-transactions: a credit reception or a reward reception. */
sealed interface LoyaltyTransactionResponse permits CreditReceptionResponse, RewardReceptionResponse {
}
