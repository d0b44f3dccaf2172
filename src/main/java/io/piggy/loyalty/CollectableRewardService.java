package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.contact.ContactDirectory;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.time.ApiTime;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Collectable rewards: the receptions of PHYSICAL rewards, which the customer picks up in a shop.
 * A reception is collected once, before it expires, and not after it was reversed; a collected one
 * is not reversed.
 */
@Service
class CollectableRewardService {
    static final String REVERSED = "REVERSED";

    private final ContactDirectory contacts;
    private final Balances balances;
    private final LoyaltyTransactions transactions;
    private final LoyaltyTransactionViews views;
    private final RewardReceptionStates states;
    private final RewardReceptionService receptions;
    private final Clock clock;

    CollectableRewardService(ContactDirectory contacts, Balances balances, LoyaltyTransactions transactions,
                             LoyaltyTransactionViews views, RewardReceptionStates states,
                             RewardReceptionService receptions, Clock clock) {
        this.contacts = contacts;
        this.balances = balances;
        this.transactions = transactions;
        this.views = views;
        this.states = states;
        this.receptions = receptions;
        this.clock = clock;
    }

    /** The contact's (and merged contacts') unreversed PHYSICAL reward receptions, collected or not. */
    List<CollectableRewardResponse> list(AccountId account, UUID contact) {
        contacts.require(account, contact);
        return view(account, transactions.collectable(account, balances.members(account, contact)));
    }

    /** Collects the reception; answers it as GET /collectable-rewards lists it (the PHP SDK maps it so). */
    CollectableRewardResponse collect(AccountId account, UUID reception) {
        require(account, reception);
        Instant now = clock.instant();
        if (!states.collect(account, reception, now)) {
            RewardReceptionStates.State state = require(account, reception);
            String why = state.collected() ? "was collected already"
                    : state.reversedAt() != null ? "was reversed"
                    : "expired at " + ApiTime.format(state.expiresAt());
            throw new ApiException(ErrorCode.REWARD_NOT_COLLECTABLE, "This reward " + why + "; it cannot be collected.");
        }
        return view(account, List.of(transactions.find(account, reception).orElseThrow())).get(0);
    }

    private List<CollectableRewardResponse> view(AccountId account, List<LedgerEntry> entries) {
        return views.view(account, entries).stream()
                .map(r -> CollectableRewardResponse.of((RewardReceptionResponse) r)).toList();
    }

    /** Reverses the reception exactly as POST /reward-receptions/{uuid}/reverse does. */
    CollectableRewardStatusResponse reverse(AccountId account, UUID reception) {
        require(account, reception);
        receptions.reverse(account, reception);
        return new CollectableRewardStatusResponse(reception, REVERSED);
    }

    private RewardReceptionStates.State require(AccountId account, UUID reception) {
        return states.find(account, reception).filter(RewardReceptionStates.State::physical)
                .orElseThrow(() -> new ApiException(ErrorCode.REWARD_NOT_FOUND,
                        "No collectable reward " + reception
                                + ": use the uuid of a reward reception of a PHYSICAL reward."));
    }
}
