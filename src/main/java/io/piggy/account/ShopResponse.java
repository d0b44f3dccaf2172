package io.piggy.account;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/** A shop (newer docs: business profile). {@code id} is a display number the PHP SDK reads. */
public record ShopResponse(long id, UUID uuid, String name, String type, @Nullable String reference) {
}
