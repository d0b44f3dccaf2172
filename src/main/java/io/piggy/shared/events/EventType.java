package io.piggy.shared.events;

/**
 * Every kind of event a feature records, with the name webhooks carry in {@code type} (Piggy's
 * event type names, plus ours for what Piggy has no event for). One place, so a subscription's
 * {@code event_type} can be checked against it.
 */
public enum EventType {
    CONTACT_CREATED("contact_created"),
    CONTACT_UPDATED("contact_updated"),
    CONTACT_DELETED("contact_deleted"),
    CONTACT_IDENTIFIER_CREATED("contact_identifier_created"),
    CREDIT_RECEPTION_CREATED("credit_reception_created"),
    CREDIT_RECEPTION_REVERSED("credit_reception_reversed"),
    REWARD_RECEPTION_CREATED("reward_reception_created"),
    REWARD_RECEPTION_REVERSED("reward_reception_reversed"),
    VOUCHER_CREATED("voucher_created"),
    VOUCHER_UPDATED("voucher_updated"),
    VOUCHER_REDEEMED("voucher_redeemed"),
    VOUCHER_BATCH_COMPLETED("voucher_batch_completed"),
    FORM_SUBMISSION_COMPLETED("form_submission_completed"),
    PROMOTION_UPDATED("promotion_updated"),
    REWARD_UPDATED("reward_updated");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name stored in {@code outbox_events.event_type} and sent as the webhook body's {@code type}. */
    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
