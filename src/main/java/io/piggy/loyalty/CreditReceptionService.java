package io.piggy.loyalty;

import io.piggy.account.AccountCatalog;
import io.piggy.account.AccountId;
import io.piggy.account.ShopDirectory;
import io.piggy.account.ShopResponse;
import io.piggy.account.UnitResponse;
import io.piggy.contact.ContactDirectory;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.api.WholeNumbers;
import io.piggy.shared.db.Ids;
import io.piggy.shared.events.EventType;
import io.piggy.shared.events.Events;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Credit receptions: earn (by credits or by the earning rules), calculate, reverse. */
@Service
class CreditReceptionService {
    /** Keys of the reception object itself, which a custom attribute cannot take. */
    private static final Set<String> RESERVED = Set.of("type", "uuid", "unit", "contact", "shop", "contact_identifier",
            "channel", "created_at");

    private final AccountCatalog catalog;
    private final ShopDirectory shops;
    private final ContactDirectory contacts;
    private final EarningRules rules;
    private final LoyaltyTransactions transactions;
    private final Balances balances;
    private final LoyaltyIdentifiers identifiers;
    private final Events events;
    private final TransactionTemplate tx;
    private final Clock clock;

    CreditReceptionService(AccountCatalog catalog, ShopDirectory shops, ContactDirectory contacts, EarningRules rules,
                           LoyaltyTransactions transactions, Balances balances, LoyaltyIdentifiers identifiers,
                           Events events, TransactionTemplate tx, Clock clock) {
        this.events = events;
        this.tx = tx;
        this.catalog = catalog;
        this.shops = shops;
        this.contacts = contacts;
        this.rules = rules;
        this.transactions = transactions;
        this.balances = balances;
        this.identifiers = identifiers;
        this.clock = clock;
    }

    CreditReceptionResponse create(AccountId account, CreateCreditReceptionRequest request) {
        Long credits = WholeNumbers.of("credits", request.credits());
        if (credits == null && request.unitValue() == null) {
            throw ApiException.invalidField("credits",
                    "Send credits, or unit_value (with an optional unit_name) for the earning rules to apply.");
        }
        requireUnitValue(request.unitValue());
        Map<String, Object> attributes = CustomAttributes.of(request.attributes(), RESERVED);
        LoyaltyIdentifiers.View identifier = identifiers.resolve(account, request.contactIdentifierValue(),
                request.contactUuid());
        UnitResponse unit = null;
        long amount;
        if (credits != null && request.unitValue() == null && request.unitName() == null) {
            amount = credits; // shop, contact and maximum are checked by the ledger write itself
        } else {
            AccountCatalog.ShopContext context = catalog.requireShopContext(account, request.shopUuid(), true,
                    blankToNull(request.unitName()));
            unit = context.unit();
            amount = credits != null ? credits
                    : rules.ruleFor(account, unit.uuid(), context.shop().uuid()).creditsFor(request.unitValue());
        }
        LedgerEntry entry = new LedgerEntry(Ids.next(clock), LedgerEntry.CREDIT_RECEPTION, request.contactUuid(),
                request.shopUuid(), amount, unit == null ? null : unit.uuid(), request.unitValue(), null, null,
                request.posTransaction(), LedgerEntry.API_CHANNEL, clock.instant());
        LedgerEntry.Details details = new LedgerEntry.Details(identifier == null ? null : identifier.value(), attributes);
        // the event carries the answer; the statement fills in what only it knows (email, balance, shop)
        CreditReceptionResponse template = LoyaltyTransactionViews.creditReception(entry,
                LoyaltyTransactionViews.contact(entry.contactId(), null, 0), new ShopResponse(0, entry.shopId(), null, null, null),
                unit, identifier, details.attributes());
        try {
            LoyaltyTransactions.Appended appended = moved(account,
                    transactions.appendReception(account, entry, details, Ids.next(clock), template), entry);
            return LoyaltyTransactionViews.creditReception(entry, LoyaltyTransactionViews.contact(entry.contactId(), appended),
                    appended.shop(), unit, identifier, details.attributes());
        } catch (DuplicateKeyException e) {
            throw new ApiException(ErrorCode.POS_TRANSACTION_ALREADY_LINKED,
                    "POS transaction " + request.posTransaction() + " is already linked to a credit reception.");
        }
    }

    /** The credits a reception would give, with no side effect (same checks as {@link #create}). */
    long calculate(AccountId account, UUID shopId, BigDecimal unitValue, UUID contactId, String unitName) {
        requireUnitValue(unitValue);
        AccountCatalog.ShopContext context = catalog.requireShopContext(account, shopId, true, blankToNull(unitName));
        if (contactId != null) {
            contacts.require(account, contactId);
        }
        long credits = rules.ruleFor(account, context.unit().uuid(), shopId).creditsFor(unitValue);
        requireWithinMaximum(context.program(), credits);
        return credits;
    }

    /** The linked negative reception; a reception is reversed at most once (1410). */
    CreditReceptionResponse reverse(AccountId account, UUID receptionId) {
        LedgerEntry original = transactions.find(account, receptionId)
                .filter(e -> !e.isRewardReception())
                .orElseThrow(() -> new ApiException(ErrorCode.CREDIT_RECEPTION_NOT_FOUND,
                        "Credit reception " + receptionId + " not found."));
        if (original.isReversal()) {
            throw ApiException.invalidField("credit_reception_uuid",
                    "This credit reception is itself a reversal and cannot be reversed.");
        }
        requireNotReversed(account, original);
        LedgerEntry reversal = new LedgerEntry(Ids.next(clock), LedgerEntry.CREDIT_RECEPTION, original.contactId(),
                original.shopId(), -original.credits(), original.unitId(),
                original.unitValue() == null ? null : original.unitValue().negate(), null, original.id(), null,
                LedgerEntry.API_CHANNEL, clock.instant());
        return tx.execute(status -> {
            LoyaltyTransactions.Appended appended = appendReversal(account, reversal);
            CreditReceptionResponse reversed = LoyaltyTransactionViews.creditReception(reversal,
                    LoyaltyTransactionViews.contact(reversal.contactId(), appended), appended.shop(),
                    reversal.unitId() == null ? null : catalog.unitsById(account).get(reversal.unitId()), null, Map.of());
            events.record(account.value(), EventType.CREDIT_RECEPTION_REVERSED, reversal.contactId(), reversed);
            return reversed;
        });
    }

    void requireNotReversed(AccountId account, LedgerEntry original) {
        if (transactions.reversalOf(account, original.id()).isPresent()) {
            throw new ApiException(ErrorCode.ALREADY_REVERSED, "Transaction " + original.id() + " has been reversed already.");
        }
    }

    /** Appends a reversal; a concurrent second reversal loses on the unique index and gets 1410. */
    LoyaltyTransactions.Appended appendReversal(AccountId account, LedgerEntry reversal) {
        try {
            return moved(account, transactions.append(account, reversal, LedgerEntry.Details.NONE), reversal);
        } catch (DuplicateKeyException e) {
            throw new ApiException(ErrorCode.ALREADY_REVERSED,
                    "Transaction " + reversal.reversesId() + " has been reversed already.");
        }
    }

    /** What an append left, or why its guard refused it: no live contact, a merged one, or too few credits. */
    LoyaltyTransactions.Appended moved(AccountId account, Optional<LoyaltyTransactions.Appended> appended,
                                       LedgerEntry entry) {
        if (appended.isPresent()) {
            return appended.get();
        }
        shops.require(account, entry.shopId());
        if (entry.isNewReception()) {
            requireWithinMaximum(catalog.program(account), entry.credits());
        }
        contacts.require(account, entry.contactId());
        if (balances.find(account, entry.contactId()).map(Balances.Totals::mergedInto).isPresent()) {
            throw new ApiException(ErrorCode.CONTACT_NOT_FOUND,
                    "Contact " + entry.contactId() + " was merged into another contact; use that one.");
        }
        throw new ApiException(ErrorCode.INSUFFICIENT_CREDITS, "The contact has fewer than "
                + -entry.credits() + " credits; the balance cannot go below zero.");
    }

    private static void requireWithinMaximum(AccountCatalog.Program program, long credits) {
        Long max = program.maxAmount();
        if (max != null && credits > max) {
            throw new ApiException(ErrorCode.MAX_CREDITS_REACHED,
                    "A reception may give at most " + max + " credits; this one would give " + credits + ".");
        }
    }

    private static void requireUnitValue(BigDecimal unitValue) {
        if (unitValue != null && (unitValue.signum() < 0 || unitValue.precision() - unitValue.scale() > 15)) {
            throw ApiException.invalidField("unit_value",
                    "The unit_value must be 0 or more (use negative credits for a partial refund) and below 10^15.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
