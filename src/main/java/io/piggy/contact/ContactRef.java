package io.piggy.contact;

import java.util.UUID;

/** What other features need of a contact: who it is. */
public record ContactRef(UUID uuid, String email) {
}
