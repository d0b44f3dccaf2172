package io.piggy.shared.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    @Test
    void defaultsAndBounds() {
        assertThat(PageRequest.of(null, null, 30, 100)).isEqualTo(new PageRequest(1, 30));
        assertThat(PageRequest.of(3, 100, 30, 100)).isEqualTo(new PageRequest(3, 100));
        assertThatThrownBy(() -> PageRequest.of(0, 10, 30, 100))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.fieldErrors()).containsKey("page");
                });
        assertThatThrownBy(() -> PageRequest.of(1, 101, 30, 100))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldErrors()).containsKey("limit"));
        assertThatThrownBy(() -> PageRequest.of(1, 0, 30, 100)).isInstanceOf(ApiException.class);
    }

    @Test
    void customMeta() {
        Paging.CustomMeta meta = Paging.custom(new PageRequest(2, 10), 25);
        assertThat(meta).isEqualTo(new Paging.CustomMeta(2, 10, 11, 20, 3, 25));
        assertThat(Paging.custom(new PageRequest(3, 10), 25)).isEqualTo(new Paging.CustomMeta(3, 10, 21, 25, 3, 25));
        assertThat(Paging.custom(new PageRequest(1, 10), 0)).isEqualTo(new Paging.CustomMeta(1, 10, 0, 0, 1, 0));
        assertThat(Paging.custom(new PageRequest(9, 10), 25).viewingFrom()).as("past the end").isZero();
    }

    @Test
    void simpleMeta() {
        assertThat(Paging.simple(new PageRequest(1, 30), 31)).isEqualTo(new Paging.SimpleMeta(1, 30, 2, 31));
    }

    @Test
    void laravelPage() {
        Paging.LaravelPage<String> page = Paging.laravel(List.of("a", "b"), new PageRequest(2, 2), 5,
                "http://localhost/api/v3/oauth/clients/vouchers?promotion_uuid=p&page=2&limit=2");
        assertThat(page.meta().currentPage()).isEqualTo(2);
        assertThat(page.meta().from()).isEqualTo(3);
        assertThat(page.meta().to()).isEqualTo(4);
        assertThat(page.meta().lastPage()).isEqualTo(3);
        assertThat(page.meta().perPage()).isEqualTo(2);
        assertThat(page.meta().total()).isEqualTo(5);
        assertThat(page.meta().path()).isEqualTo("http://localhost/api/v3/oauth/clients/vouchers");
        assertThat(page.links().next()).contains("page=3").contains("promotion_uuid=p");
        assertThat(page.links().prev()).contains("page=1");
        assertThat(page.links().first()).contains("page=1");
        assertThat(page.links().last()).contains("page=3");
        assertThat(page.meta().links()).extracting(Paging.Link::label)
                .containsExactly("&laquo; Previous", "1", "2", "3", "Next &raquo;");
        assertThat(page.meta().links().get(2).active()).isTrue();

        Paging.LaravelPage<String> empty = Paging.laravel(List.of(), new PageRequest(1, 30), 0, "http://h/v");
        assertThat(empty.meta().from()).isNull();
        assertThat(empty.links().next()).isNull();
        assertThat(empty.links().prev()).isNull();
    }
}
