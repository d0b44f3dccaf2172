package io.piggy.shared.events;

/**
 * A reader of the outbox that still needs some of its events after they were handed on (webhook
 * deliveries that are retried for a day or more read the event at every attempt).
 * {@link EventRetention} deletes none of the events any hold names, whatever their age.
 */
public interface EventHold {
    /** The outbox ids still needed. */
    long[] held();
}
