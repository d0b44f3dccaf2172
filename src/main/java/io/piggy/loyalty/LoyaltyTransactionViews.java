package io.piggy.loyalty;

import io.piggy.account.AccountCatalog;
import io.piggy.account.AccountId;
import io.piggy.account.ShopResponse;
import io.piggy.account.UnitResponse;
import io.piggy.contact.ContactDirectory;
import io.piggy.contact.ContactRef;
import io.piggy.contact.ContactResponse;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns ledger rows into API objects, looking up what they refer to in a few batched reads. */
@Component
class LoyaltyTransactionViews {
    private final ContactDirectory contacts;
    private final AccountCatalog catalog;
    private final Balances balances;
    private final Rewards rewards;
    private final LoyaltyTransactions transactions;
    private final RewardCodes codes;
    private final RewardReceptionStates states;

    LoyaltyTransactionViews(ContactDirectory contacts, AccountCatalog catalog, Balances balances, Rewards rewards,
                            LoyaltyTransactions transactions, RewardCodes codes, RewardReceptionStates states) {
        this.contacts = contacts;
        this.catalog = catalog;
        this.balances = balances;
        this.rewards = rewards;
        this.transactions = transactions;
        this.codes = codes;
        this.states = states;
    }

    static LoyaltyContactResponse contact(UUID id, ContactRef ref, long balance) {
        return new LoyaltyContactResponse(id, ref == null ? null : ref.email(), new ContactResponse.CreditBalance(balance));
    }

    static LoyaltyContactResponse contact(UUID id, LoyaltyTransactions.Appended appended) {
        return new LoyaltyContactResponse(id, appended.email(), new ContactResponse.CreditBalance(appended.balance()));
    }

    static CreditReceptionResponse creditReception(LedgerEntry e, LoyaltyContactResponse contact, ShopResponse shop,
                                                   UnitResponse unit, LoyaltyIdentifiers.View identifier,
                                                   Map<String, Object> attributes) {
        return new CreditReceptionResponse(LedgerEntry.CREDIT_RECEPTION, e.id(), e.credits(), e.unitValue(), unit,
                contact, shop, identifier, e.channel(), e.createdAt(), attributes);
    }

    List<LoyaltyTransactionResponse> view(AccountId account, List<LedgerEntry> entries) {
        Set<UUID> contactIds = ids(entries, LedgerEntry::contactId);
        Map<UUID, ContactRef> refs = contacts.findAll(account, contactIds);
        Map<UUID, Long> balance = balances.balances(account, contactIds);
        Map<UUID, ShopResponse> shops = catalog.shops(account, ids(entries, LedgerEntry::shopId));
        Map<UUID, UnitResponse> units = catalog.unitsById(account);
        Map<UUID, Reward> rewardsById = rewards.findAll(account, ids(entries, LedgerEntry::rewardId));
        Map<UUID, LedgerEntry.Details> details = transactions.details(account, ids(entries, LedgerEntry::id));
        List<UUID> rewardReceptions = entries.stream().filter(LedgerEntry::isRewardReception)
                .map(LedgerEntry::id).toList();
        Map<UUID, String> codeOf = codes.ofReceptions(account, rewardReceptions);
        Map<UUID, RewardReceptionStates.State> stateOf = states.ofReceptions(account, rewardReceptions);
        return entries.stream().map(e -> {
            LoyaltyContactResponse contact = contact(e.contactId(), refs.get(e.contactId()),
                    balance.getOrDefault(e.contactId(), 0L));
            ShopResponse shop = shops.get(e.shopId());
            LedgerEntry.Details detail = details.getOrDefault(e.id(), LedgerEntry.Details.NONE);
            LoyaltyIdentifiers.View identifier = LoyaltyIdentifiers.View.of(detail.contactIdentifierValue());
            if (e.isRewardReception()) {
                return (LoyaltyTransactionResponse) RewardReceptionResponse.of(e, rewardsById.get(e.rewardId()), contact,
                        shop, identifier, codeOf.get(e.id()), stateOf.get(e.id()));
            }
            return creditReception(e, contact, shop, e.unitId() == null ? null : units.get(e.unitId()), identifier,
                    detail.attributes());
        }).toList();
    }

    private static Set<UUID> ids(List<LedgerEntry> entries, Function<LedgerEntry, UUID> id) {
        return entries.stream().map(id).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }
}
