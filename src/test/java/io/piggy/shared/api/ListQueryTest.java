package io.piggy.shared.api;

import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListQueryTest {

    @Test
    void defaultsToOldestFirstWithoutBounds() {
        ListQuery q = ListQuery.parse(Map.of());
        assertThat(q.newestFirst()).isFalse();
        assertThat(q.createdAtSql("c.created_at")).isEmpty();
        assertThat(q.orderBySql("c.created_at", "c.id")).isEqualTo(" ORDER BY c.created_at ASC, c.id ASC");
    }

    @Test
    void parsesSortAndBounds() {
        ListQuery q = ListQuery.parse(Map.of("sort", "-created_at",
                "created_at[gte]", "2026-01-01T00:00:00+00:00", "created_at[lt]", "2026-02-01", "page", "2"));
        assertThat(q.newestFirst()).isTrue();
        assertThat(q.createdAtSql("created_at")).contains("created_at >= :createdAt_gte").contains("created_at < :createdAt_lt");
        assertThat(q.parameters()).containsEntry("createdAt_gte", Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")))
                .containsEntry("createdAt_lt", Timestamp.from(Instant.parse("2026-02-01T00:00:00Z")));
    }

    @Test
    void rejectsBadInputWithTheFieldName() {
        assertThatThrownBy(() -> ListQuery.parse(Map.of("sort", "email")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldErrors()).containsKey("sort"));
        assertThatThrownBy(() -> ListQuery.parse(Map.of("created_at[gt]", "yesterday")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldErrors()).containsKey("created_at[gt]"));
        assertThatThrownBy(() -> ListQuery.parse(Map.of("created_at[eq]", "2026-01-01")))
                .isInstanceOf(ApiException.class);
    }
}
