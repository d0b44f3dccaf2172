package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Contacts' subscriptions: subscribe (double opt-in waits for a confirmation), unsubscribe, and
 * each contact's status per type. Other features subscribe contacts through {@link #subscribe}.
 */
@Service
public class SubscriptionService {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);
    private final SubscriptionTypes types;
    private final ContactSubscriptions subscriptions;
    private final Contacts contacts;

    SubscriptionService(SubscriptionTypes types, ContactSubscriptions subscriptions, Contacts contacts) {
        this.types = types;
        this.subscriptions = subscriptions;
        this.contacts = contacts;
    }

    /**
     * Subscribes a contact: SUBSCRIBED, or PENDING_CONFIRMATION for a double opt-in type (the
     * contact confirms through the contact API). 55031 unknown contact, 55030 unknown type, 1003 inactive type.
     * @return the contact's status afterwards
     */
    @Transactional
    public String subscribe(AccountId account, UUID contact, UUID subscriptionType) {
        return subscribe(account, contact, subscriptionType, true);
    }

    /**
     * Like {@link #subscribe}, but a choice the contact made for the type before (even to unsubscribe)
     * stays: for requests that do not prove to come from the contact, such as a public form.
     */
    @Transactional
    public String subscribeUnlessChosen(AccountId account, UUID contact, UUID subscriptionType) {
        return subscribe(account, contact, subscriptionType, false);
    }

    private String subscribe(AccountId account, UUID contact, UUID subscriptionType, boolean replaceChoice) {
        SubscriptionTypes.SubscriptionType type = require(account, contact, subscriptionType);
        if (!type.active()) {
            throw ApiException.invalidField("subscription_type_uuid", "This subscription type is inactive.");
        }
        boolean doubleOptIn = type.strategy() == SubscriptionTypes.Strategy.DOUBLE_OPT_IN;
        String wanted = doubleOptIn ? ContactSubscriptions.PENDING : ContactSubscriptions.SUBSCRIBED;
        String status = replaceChoice ? subscriptions.set(account, contact, type.id(), wanted)
                : subscriptions.setUnlessChosen(account, contact, type.id(), wanted);
        if (ContactSubscriptions.PENDING.equals(status)) {
            // Piggy mails a confirmation link here; mail is out of scope, so the log says what the contact must do.
            log.info("Double opt-in pending: contact {} confirms subscription type {} with "
                    + "POST /api/v3/contact/subscriptions/{}/confirm", contact, type.id(), type.id());
        }
        return status;
    }

    /** Whether {@link #subscribe} can enrol contacts in this type: it exists in the account and is active. */
    public boolean canSubscribe(AccountId account, UUID subscriptionType) {
        return types.find(account, subscriptionType).map(SubscriptionTypes.SubscriptionType::active).orElse(false);
    }

    @Transactional
    String unsubscribe(AccountId account, UUID contact, UUID subscriptionType) {
        SubscriptionTypes.SubscriptionType type = require(account, contact, subscriptionType);
        return subscriptions.set(account, contact, type.id(), ContactSubscriptions.UNSUBSCRIBED);
    }

    /** 1003 when nothing was waiting for a confirmation. */
    @Transactional
    void confirm(AccountId account, UUID contact, UUID subscriptionType) {
        require(account, contact, subscriptionType);
        if (!subscriptions.confirm(account, contact, subscriptionType)) {
            throw ApiException.invalidField("subscription_type_uuid", "There is no subscription waiting for a confirmation.");
        }
    }

    SubscriptionResponse subscription(AccountId account, UUID contact, UUID subscriptionType) {
        SubscriptionTypes.SubscriptionType type = types.find(account, subscriptionType).orElseThrow();
        return subscriptions(List.of(type), subscriptions.statuses(account, contact)).get(0);
    }

    List<SubscriptionResponse> subscriptionsOf(AccountId account, UUID contact) {
        if (contacts.find(account, contact).isEmpty()) {
            throw new ApiException(ErrorCode.CONTACT_NOT_FOUND);
        }
        return subscriptions(types.all(account), subscriptions.statuses(account, contact));
    }

    /** One contact's status for every type: its choice, or the type's default. */
    static List<SubscriptionResponse> subscriptions(List<SubscriptionTypes.SubscriptionType> allTypes, Map<UUID, String> chosen) {
        return allTypes.stream()
                .map(t -> SubscriptionResponse.of(t, chosen.getOrDefault(t.id(), t.strategy().defaultStatus())))
                .toList();
    }

    private SubscriptionTypes.SubscriptionType require(AccountId account, UUID contact, UUID subscriptionType) {
        if (contacts.find(account, contact).isEmpty()) {
            throw new ApiException(ErrorCode.CONTACT_NOT_FOUND);
        }
        if (subscriptionType == null) {
            throw ApiException.invalidField("subscription_type_uuid", "The subscription_type_uuid is required.");
        }
        return types.find(account, subscriptionType).orElseThrow(() -> new ApiException(ErrorCode.SUBSCRIPTION_TYPE_NOT_FOUND));
    }
}
