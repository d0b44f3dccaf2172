package io.piggy.shared.events;

import java.util.OptionalLong;

/**
 * A reader of the outbox that still needs some of its events after they were handed on (webhook
 * deliveries that are retried for a day or more read the event at every attempt).
 * {@link EventRetention} deletes no event at or above the lowest id any hold names.
 */
public interface EventHold {
    /** The lowest outbox id still needed; empty when none is. */
    OptionalLong oldestNeeded();
}
