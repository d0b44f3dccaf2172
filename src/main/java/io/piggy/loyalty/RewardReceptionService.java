package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.account.ShopDirectory;
import io.piggy.account.ShopResponse;
import io.piggy.contact.ContactDirectory;
import io.piggy.contact.ContactRef;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.db.Ids;
import io.piggy.shared.events.EventType;
import io.piggy.shared.events.Events;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Spending credits on a reward, and giving them back. One transaction: the guarded debit locks the
 * contact's balance row first, so the claim-limit count and the stock that follow are exact for
 * this contact; the stock row (or a code, which never waits) is taken second, and the reception's
 * state row written last. A reversal locks that state row, then the balance, then the stock: no cycle.
 */
@Service
class RewardReceptionService {
    private final Rewards rewards;
    private final RewardCodes codes;
    private final RewardReceptionStates states;
    private final ShopDirectory shops;
    private final ContactDirectory contacts;
    private final LoyaltyTransactions transactions;
    private final Balances balances;
    private final CreditReceptionService credits;
    private final LoyaltyIdentifiers identifiers;
    private final TransactionTemplate tx;
    private final Events events;
    private final Clock clock;

    RewardReceptionService(Rewards rewards, RewardCodes codes, RewardReceptionStates states, ShopDirectory shops,
                           ContactDirectory contacts, LoyaltyTransactions transactions, Balances balances, CreditReceptionService credits,
                           LoyaltyIdentifiers identifiers, TransactionTemplate tx, Events events, Clock clock) {
        this.events = events;
        this.rewards = rewards;
        this.codes = codes;
        this.states = states;
        this.shops = shops;
        this.contacts = contacts;
        this.transactions = transactions;
        this.balances = balances;
        this.credits = credits;
        this.identifiers = identifiers;
        this.tx = tx;
        this.clock = clock;
    }

    RewardReceptionResponse claim(AccountId account, CreateRewardReceptionRequest request) {
        Reward reward = rewards.find(account, request.rewardUuid()).orElseThrow(() -> new ApiException(
                ErrorCode.REWARD_NOT_FOUND, "Reward " + request.rewardUuid() + " not found."));
        if (!reward.active()) {
            throw new ApiException(ErrorCode.REWARD_INACTIVE, "Reward '" + reward.title() + "' is inactive.");
        }
        ShopResponse shop = shops.require(account, request.shopUuid());
        ContactRef contact = contacts.require(account, request.contactUuid());
        LoyaltyIdentifiers.View identifier = identifiers.resolve(account, request.contactIdentifierValue(), contact.uuid());
        if (!reward.inStock()) {
            throw outOfStock(reward);
        }
        List<UUID> members = balances.members(account, contact.uuid());
        if (reward.limitPerContact() != null) {
            requireUnderLimit(account, reward, members, reward.limitPerContact());
        }
        LedgerEntry entry = new LedgerEntry(Ids.next(clock), LedgerEntry.REWARD_RECEPTION, contact.uuid(), shop.uuid(),
                -reward.requiredCredits(), null, null, reward.id(), null, null, LedgerEntry.API_CHANNEL, clock.instant());
        RewardReceptionStates.State state = new RewardReceptionStates.State(entry.id(), reward.rewardType(),
                reward.expiresAt(entry.createdAt()), null, null);
        return tx.execute(status -> {
            LoyaltyTransactions.Appended after =
                    credits.moved(account, transactions.append(account, entry,
                            new LedgerEntry.Details(identifier == null ? null : identifier.value(), Map.of())), entry);
            if (reward.limitPerContact() != null) {
                requireUnderLimit(account, reward, members, reward.limitPerContact() + 1); // counts this one now
            }
            String code = reward.digital() ? takeCode(account, reward, entry) : null;
            if (code == null && reward.stock() != null && !rewards.takeOne(account, reward.id())) {
                throw outOfStock(reward);
            }
            states.insert(account, entry.id(), state.rewardType(), state.expiresAt());
            RewardReceptionResponse reception = RewardReceptionResponse.of(entry, reward.afterOneTaken(),
                    LoyaltyTransactionViews.contact(contact.uuid(), after), shop, identifier, code, state);
            events.record(account.value(), EventType.REWARD_RECEPTION_CREATED, contact.uuid(), reception);
            return reception;
        });
    }

    /**
     * A free code of the reward's pool for this reception, or null when the reward has no pool (it
     * hands out no code). Throwing rolls the debit back: no code, no credits spent.
     */
    private String takeCode(AccountId account, Reward reward, LedgerEntry entry) {
        Optional<String> code = codes.take(account, reward.id(), entry.id(), entry.createdAt());
        if (code.isEmpty() && (reward.pooled() || codes.any(account, reward.id()))) {
            throw outOfStock(reward);
        }
        return code.orElse(null);
    }

    /**
     * Gives the credits back (a linked credit reception) and the reward back to its stock (not a
     * handed-out code: it is burned). The reception's state row is marked first, so a reversal and a
     * collection of one reception exclude each other: a collected reward is not reversed (80300).
     */
    CreditReceptionResponse reverse(AccountId account, UUID receptionId) {
        LedgerEntry original = transactions.find(account, receptionId).filter(LedgerEntry::isRewardReception)
                .orElseThrow(() -> new ApiException(ErrorCode.MODEL_NOT_FOUND,
                        "Reward reception " + receptionId + " not found."));
        credits.requireNotReversed(account, original);
        LedgerEntry reversal = new LedgerEntry(Ids.next(clock), LedgerEntry.CREDIT_RECEPTION, original.contactId(),
                original.shopId(), -original.credits(), null, null, original.rewardId(), original.id(), null,
                LedgerEntry.API_CHANNEL, clock.instant());
        return tx.execute(status -> {
            if (!states.markReversed(account, original.id(), reversal.createdAt())) {
                throw states.find(account, original.id()).filter(RewardReceptionStates.State::collected)
                        .map(s -> new ApiException(ErrorCode.REWARD_NOT_COLLECTABLE,
                                "This reward was collected, so it cannot be reversed."))
                        .orElseGet(() -> new ApiException(ErrorCode.ALREADY_REVERSED,
                                "Transaction " + original.id() + " has been reversed already."));
            }
            LoyaltyTransactions.Appended after = credits.appendReversal(account, reversal);
            rewards.putBack(account, original.rewardId());
            CreditReceptionResponse reversed = LoyaltyTransactionViews.creditReception(reversal,
                    LoyaltyTransactionViews.contact(reversal.contactId(), after), after.shop(), null, null, Map.of());
            events.record(account.value(), EventType.REWARD_RECEPTION_REVERSED, reversal.contactId(), reversed);
            return reversed;
        });
    }

    private void requireUnderLimit(AccountId account, Reward reward, List<UUID> members, long limit) {
        if (transactions.claims(account, members, reward.id()) >= limit) {
            throw new ApiException(ErrorCode.CLAIM_LIMIT_REACHED,
                    "This contact has claimed '" + reward.title() + "' " + reward.limitPerContact()
                            + " times, the most it may.");
        }
    }

    private static ApiException outOfStock(Reward reward) {
        return new ApiException(ErrorCode.REWARD_OUT_OF_STOCK, "Reward '" + reward.title() + "' is out of stock.");
    }
}
