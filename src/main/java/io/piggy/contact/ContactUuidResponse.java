package io.piggy.contact;

import java.util.UUID;

/** The short answer of the async calls: only the contact's uuid. */
record ContactUuidResponse(UUID uuid) {
}
