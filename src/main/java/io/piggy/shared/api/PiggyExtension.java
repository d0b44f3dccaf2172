package io.piggy.shared.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that Piggy's public API does not have (we add it in the same style). The
 * OpenAPI document flags it with {@code x-piggy-extension: true} and a note in its description.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PiggyExtension {
}
