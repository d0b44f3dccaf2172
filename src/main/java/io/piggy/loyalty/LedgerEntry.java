package io.piggy.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One row of the credits ledger: a credit reception (credits may be negative: refunds and
 * reversals) or a reward reception (credits spent, never positive). Immutable once written.
 */
record LedgerEntry(UUID id, String type, UUID contactId, UUID shopId, long credits, UUID unitId,
                   BigDecimal unitValue, UUID rewardId, UUID reversesId, String posTransactionId,
                   String channel, Instant createdAt) {
    static final String CREDIT_RECEPTION = "credit_reception";
    static final String REWARD_RECEPTION = "reward_reception";
    static final String API_CHANNEL = "OAUTH_API";

    boolean isRewardReception() {
        return REWARD_RECEPTION.equals(type);
    }

    /** A credit reception that is neither a reversal nor credits given back: the program's maximum applies. */
    boolean isNewReception() {
        return CREDIT_RECEPTION.equals(type) && reversesId == null && rewardId == null;
    }

    boolean isReversal() {
        return reversesId != null;
    }

    /** Credits that count as received (loyalty_total_credits_received): receptions, not credits given back for a reward. */
    long receivedCredits() {
        return CREDIT_RECEPTION.equals(type) && rewardId == null ? credits : 0;
    }

    /** What a reception carries that may be personal, kept apart from the ledger so it can be erased. */
    record Details(String contactIdentifierValue, Map<String, Object> attributes) {
        static final Details NONE = new Details(null, Map.of());

        boolean isEmpty() {
            return contactIdentifierValue == null && attributes.isEmpty();
        }
    }
}
