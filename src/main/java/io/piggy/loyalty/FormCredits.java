package io.piggy.loyalty;

import io.piggy.account.ShopDirectory;
import io.piggy.form.FormSubmitted;
import io.piggy.shared.db.Ids;
import io.piggy.shared.events.EventType;
import io.piggy.shared.events.Events;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Credits a form awards on a contact's first submission go through the ledger like any reception:
 * booked in the account's main shop with channel FORMS, inside the submission's transaction (the
 * event is published synchronously), so the submission and its credits commit together or not at all.
 */
@Component
class FormCredits {
    private final ShopDirectory shops;
    private final LoyaltyTransactions transactions;
    private final CreditReceptionService receptions;
    private final Events events;
    private final Clock clock;

    FormCredits(ShopDirectory shops, LoyaltyTransactions transactions, CreditReceptionService receptions, Events events,
                Clock clock) {
        this.events = events;
        this.shops = shops;
        this.transactions = transactions;
        this.receptions = receptions;
        this.clock = clock;
    }

    @EventListener
    void award(FormSubmitted submitted) {
        if (!submitted.firstSubmission() || submitted.credits() <= 0) {
            return;
        }
        LedgerEntry entry = new LedgerEntry(Ids.next(clock), LedgerEntry.CREDIT_RECEPTION, submitted.contact(),
                shops.mainShop(submitted.account()).uuid(), submitted.credits(), null, null, null, null, null,
                LedgerEntry.FORMS_CHANNEL, clock.instant());
        LedgerEntry.Details details = new LedgerEntry.Details(null,
                Map.of("form_uuid", submitted.form().toString(), "form_submission_uuid", submitted.submission().toString()));
        Optional<LoyaltyTransactions.Appended> appended = transactions.append(submitted.account(), entry, details);
        LoyaltyTransactions.Appended after = receptions.moved(submitted.account(), appended, entry);
        events.record(submitted.account().value(), EventType.CREDIT_RECEPTION_CREATED, entry.contactId(),
                LoyaltyTransactionViews.creditReception(entry, LoyaltyTransactionViews.contact(entry.contactId(), after),
                        after.shop(), null, null, details.attributes()));
    }
}
