package io.piggy.shared.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.List;

/** The three pagination styles of Piggy's API (§1.5 of the API notes), built in one place. */
public final class Paging {
    private Paging() {
    }

    /** Contacts, loyalty transactions, products: {@code meta{page,limit,viewing_from,viewing_to,last_page,total}}. */
    public record CustomMeta(long page, long limit, @JsonProperty("viewing_from") long viewingFrom,
                             @JsonProperty("viewing_to") long viewingTo, @JsonProperty("last_page") long lastPage,
                             long total) {
    }

    /** Giftcards: {@code meta{page,per_page,last_page,total}}. */
    public record SimpleMeta(long page, @JsonProperty("per_page") long perPage,
                             @JsonProperty("last_page") long lastPage, long total) {
    }

    /** Vouchers: Laravel's paginator, with top-level {@code links} beside {@code data} and {@code meta}. */
    public record LaravelPage<T>(List<T> data, Links links, LaravelMeta meta) {
    }

    public record Links(String first, String last, @Nullable String prev, @Nullable String next) {
    }

    public record LaravelMeta(@JsonProperty("current_page") long currentPage, @Nullable Long from,
                              @JsonProperty("last_page") long lastPage, List<Link> links, String path,
                              @JsonProperty("per_page") long perPage, @Nullable Long to, long total) {
    }

    public record Link(@Nullable String url, String label, boolean active) {
    }

    public static CustomMeta custom(PageRequest page, long total) {
        return new CustomMeta(page.page(), page.limit(), page.from(total), page.to(total), page.lastPage(total), total);
    }

    public static SimpleMeta simple(PageRequest page, long total) {
        return new SimpleMeta(page.page(), page.limit(), page.lastPage(total), total);
    }

    /**
     * @param url the request's own URL with its query, so page links keep the caller's filters
     */
    public static <T> LaravelPage<T> laravel(List<T> items, PageRequest page, long total, String url) {
        long last = page.lastPage(total);
        String path = UriComponentsBuilder.fromUriString(url).replaceQuery(null).build().toUriString();
        List<Link> links = new ArrayList<>();
        links.add(new Link(page.page() > 1 ? pageUrl(url, page.page() - 1) : null, "&laquo; Previous", false));
        for (long p = 1; p <= last; p++) {
            if (last <= 10 || p <= 2 || p > last - 2 || Math.abs(p - page.page()) <= 2) {
                links.add(new Link(pageUrl(url, p), String.valueOf(p), p == page.page()));
            }
        }
        links.add(new Link(page.page() < last ? pageUrl(url, page.page() + 1) : null, "Next &raquo;", false));
        Long from = total == 0 ? null : page.from(total);
        Long to = total == 0 ? null : page.to(total);
        return new LaravelPage<>(items,
                new Links(pageUrl(url, 1), pageUrl(url, last),
                        page.page() > 1 ? pageUrl(url, page.page() - 1) : null,
                        page.page() < last ? pageUrl(url, page.page() + 1) : null),
                new LaravelMeta(page.page(), from, last, links, path, page.limit(), to, total));
    }

    private static String pageUrl(String url, long page) {
        return UriComponentsBuilder.fromUriString(url).replaceQueryParam("page", page).build().toUriString();
    }
}
