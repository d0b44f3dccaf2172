package io.piggy.shared.api;

import io.piggy.shared.time.ApiTime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The list filters Piggy's custom-paged lists share: {@code sort=created_at|-created_at} and
 * {@code created_at[gt|gte|lt|lte]=<ISO-8601>}. Take the query with
 * {@code @RequestParam Map<String, String> query} and render the conditions into SQL with
 * {@link #createdAtSql(String)} and {@link #orderBySql(String)}.
 */
public record ListQuery(boolean newestFirst, List<Bound> createdAt) {

    public record Bound(String operator, Instant value, String parameter) {
    }

    private static final Map<String, String> OPERATORS = Map.of("gt", ">", "gte", ">=", "lt", "<", "lte", "<=");

    public static ListQuery parse(Map<String, String> query) {
        String sort = query.getOrDefault("sort", "created_at");
        boolean newestFirst;
        if ("created_at".equals(sort)) {
            newestFirst = false;
        } else if ("-created_at".equals(sort)) {
            newestFirst = true;
        } else {
            throw ApiException.invalidField("sort", "The sort must be created_at or -created_at.");
        }
        List<Bound> bounds = new ArrayList<>();
        for (Map.Entry<String, String> e : query.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith("created_at[")) {
                continue;
            }
            String op = key.endsWith("]") ? key.substring("created_at[".length(), key.length() - 1) : "";
            if (!OPERATORS.containsKey(op)) {
                throw ApiException.invalidField(key, "Use created_at[gt], created_at[gte], created_at[lt] or created_at[lte].");
            }
            Instant value = ApiTime.parse(e.getValue()).orElseThrow(() -> ApiException.invalidField(key,
                    "The " + key + " must be an ISO-8601 date-time, e.g. 2026-01-31T12:00:00+00:00."));
            bounds.add(new Bound(OPERATORS.get(op), value, "createdAt_" + op));
        }
        return new ListQuery(newestFirst, List.copyOf(bounds));
    }

    /** {@code " AND col > :createdAt_gt …"}; bind each bound's value under its parameter name. */
    public String createdAtSql(String column) {
        StringBuilder sql = new StringBuilder();
        for (Bound b : createdAt) {
            sql.append(" AND ").append(column).append(' ').append(b.operator()).append(" :").append(b.parameter());
        }
        return sql.toString();
    }

    /** Order by creation, ties broken by the (time-ordered) id column. */
    public String orderBySql(String createdAtColumn, String idColumn) {
        String direction = newestFirst ? " DESC" : " ASC";
        return " ORDER BY " + createdAtColumn + direction + ", " + idColumn + direction;
    }

    public Map<String, Object> parameters() {
        Map<String, Object> params = new java.util.HashMap<>();
        createdAt.forEach(b -> params.put(b.parameter(), java.sql.Timestamp.from(b.value())));
        return params;
    }
}
