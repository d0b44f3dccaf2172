package io.piggy.shared.api;

import java.util.Map;

/** Piggy's success body: {@code {"data": …, "meta": …}}. */
public record Envelope<T>(T data, Object meta) {
    public static <T> Envelope<T> of(T data) {
        return new Envelope<>(data, Map.of());
    }

    public static <T> Envelope<T> of(T data, Object meta) {
        return new Envelope<>(data, meta);
    }
}
