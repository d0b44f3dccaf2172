package io.piggy.voucher;

import io.piggy.account.AccountId;
import io.piggy.shared.api.PageRequest;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * GET /vouchers on accounts with millions of vouchers: a page costs what it shows, and so does
 * its total. Listings by promotion, or of the whole account, take their exact total from the
 * promotions' voucher counters; a filter by contact or status counts its matches only up to
 * {@link #COUNTED}, beyond which the total says "at least" (see docs/decisions.md).
 */
@Component
class VoucherListing {
    static final int COUNTED = 10_000;
    private final Vouchers vouchers;
    private final Promotions promotions;

    VoucherListing(Vouchers vouchers, Promotions promotions) {
        this.vouchers = vouchers;
        this.promotions = promotions;
    }

    record Page(List<Vouchers.Voucher> items, long total) {
    }

    Page page(AccountId account, Vouchers.Filter filter, PageRequest paging) {
        // one row more than the page tells whether a next page exists, whatever the total says
        List<Vouchers.Voucher> rows = vouchers.list(account, filter, paging.offset(), paging.limit() + 1);
        boolean more = rows.size() > paging.limit();
        List<Vouchers.Voucher> items = more ? rows.subList(0, paging.limit()) : rows;
        long total = filter.contact() == null && filter.status() == null
                ? promotions.vouchersCreated(account, filter.promotion())
                : vouchers.countUpTo(account, filter, COUNTED);
        long seen = items.isEmpty() ? 0 : paging.offset() + items.size() + (more ? 1 : 0);
        return new Page(items, Math.max(total, seen));
    }
}
