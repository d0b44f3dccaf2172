package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.account.ShopDirectory;
import io.piggy.contact.ContactDirectory;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.ListQuery;
import io.piggy.shared.api.PageRequest;
import io.piggy.shared.api.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@Tag(name = "Loyalty transactions")
class LoyaltyTransactionsController {
    private final LoyaltyTransactions transactions;
    private final LoyaltyTransactionViews views;
    private final Balances balances;
    private final ContactDirectory contacts;
    private final ShopDirectory shops;

    LoyaltyTransactionsController(LoyaltyTransactions transactions, LoyaltyTransactionViews views, Balances balances,
                                  ContactDirectory contacts, ShopDirectory shops) {
        this.transactions = transactions;
        this.views = views;
        this.balances = balances;
        this.contacts = contacts;
        this.shops = shops;
    }

    @GetMapping(LoyaltyApi.PREFIX + "/loyalty-transactions")
    @Operation(summary = "List loyalty transactions",
            description = "Credit receptions and reward receptions, oldest first (sort=-created_at for newest first), "
                    + "10 per page (limit up to 100). A contact's list includes the history of contacts merged into "
                    + "it. Errors: 1003, 1008, 55031.")
    Envelope<List<LoyaltyTransactionResponse>> list(
            AccountId account,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "credit_receptions or reward_receptions") @RequestParam(required = false) String type,
            @RequestParam(name = "shop_uuid", required = false) UUID shopUuid,
            @RequestParam(name = "contact_uuid", required = false) UUID contactUuid,
            @Parameter(hidden = true) @RequestParam Map<String, String> query) {
        PageRequest pageRequest = PageRequest.of(page, limit, 10, 100);
        ListQuery listQuery = ListQuery.parse(query);
        if (shopUuid != null) {
            shops.require(account, shopUuid);
        }
        Collection<UUID> members = null;
        if (contactUuid != null) {
            contacts.require(account, contactUuid);
            members = balances.members(account, contactUuid);
        }
        LoyaltyTransactions.Page found = transactions.list(account,
                new LoyaltyTransactions.Filter(type(type), shopUuid, members), listQuery, pageRequest);
        return Envelope.of(views.view(account, found.entries()), Paging.custom(pageRequest, found.total()));
    }

    private static String type(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        return switch (given.trim()) {
            case "credit_receptions", "credit_reception" -> LedgerEntry.CREDIT_RECEPTION;
            case "reward_receptions", "reward_reception" -> LedgerEntry.REWARD_RECEPTION;
            default -> throw ApiException.invalidField("type", "The type must be credit_receptions or reward_receptions.");
        };
    }
}
