package io.piggy.contact;

import java.util.UUID;

/** A loyalty tier: contacts who received at least {@code threshold} credits are in it (until a higher one). */
public record Tier(UUID uuid, long displayId, String name, String description, int position, long threshold) {
}
