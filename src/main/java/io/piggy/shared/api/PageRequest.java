package io.piggy.shared.api;

/**
 * A validated page and page size. Each endpoint names its own default and maximum, as Piggy's
 * do (contacts 30/100, loyalty transactions 10/100, vouchers 30/500).
 */
public record PageRequest(int page, int limit) {

    public static PageRequest of(Integer page, Integer limit, int defaultLimit, int maxLimit) {
        int p = page == null ? 1 : page;
        int l = limit == null ? defaultLimit : limit;
        if (p < 1) {
            throw ApiException.invalidField("page", "The page must be 1 or more.");
        }
        if (l < 1 || l > maxLimit) {
            throw ApiException.invalidField("limit", "The limit must be between 1 and " + maxLimit + ".");
        }
        return new PageRequest(p, l);
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }

    public long lastPage(long total) {
        return Math.max(1, (total + limit - 1) / limit);
    }

    /** 1-based number of the first item on this page, or 0 when the page is empty. */
    public long from(long total) {
        return offset() < total ? offset() + 1 : 0;
    }

    /** 1-based number of the last item on this page, or 0 when the page is empty. */
    public long to(long total) {
        return offset() < total ? Math.min(total, offset() + limit) : 0;
    }
}
