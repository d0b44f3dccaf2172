package io.piggy.support;

/** The paging meta of a list answer (§1.5, page/limit style), compared whole in one assertion. */
public record PageMeta(int page, int limit, int viewingFrom, int viewingTo, int lastPage, int total) {
    public static PageMeta of(Api.Response response) {
        var meta = response.json().get("meta");
        return new PageMeta(meta.get("page").asInt(), meta.get("limit").asInt(), meta.get("viewing_from").asInt(),
                meta.get("viewing_to").asInt(), meta.get("last_page").asInt(), meta.get("total").asInt());
    }
}
