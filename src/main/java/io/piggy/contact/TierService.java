package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Tiers and the tier a contact is in, derived from the credits it received in total
 * (loyalty_total_credits_received, which the loyalty feature provides; 0 without it).
 */
@Service
public class TierService {
    private final Tiers tiers;
    private final Contacts contacts;
    private final ContactFactsCollector facts;

    TierService(Tiers tiers, Contacts contacts, ContactFactsCollector facts) {
        this.tiers = tiers;
        this.contacts = contacts;
        this.facts = facts;
    }

    /** The account's tiers, lowest first. */
    public List<Tier> tiers(AccountId account) {
        return tiers.all(account);
    }

    /** The contact's tier; empty when it has reached none. 55031 when the contact is unknown. */
    public Optional<Tier> tierOf(AccountId account, UUID contact) {
        if (contacts.find(account, contact).isEmpty()) {
            throw new ApiException(ErrorCode.CONTACT_NOT_FOUND);
        }
        long received = ContactFactsCollector.number(facts.of(account, contact), ContactFactsCollector.TOTAL_CREDITS_RECEIVED);
        return tierFor(tiers.all(account), received);
    }

    /** The highest tier whose threshold is reached; tiers lowest first. */
    static Optional<Tier> tierFor(List<Tier> lowestFirst, long creditsReceived) {
        Tier reached = null;
        for (Tier t : lowestFirst) {
            if (t.threshold() <= creditsReceived) {
                reached = t;
            }
        }
        return Optional.ofNullable(reached);
    }

    /** Positions and thresholds must rise together, so that a higher tier always asks for more credits. */
    @Transactional
    Tier create(AccountId account, String name, String description, int position, long threshold) {
        tiers.lock(account);
        for (Tier t : tiers.all(account)) {
            if (t.position() == position) {
                throw ApiException.invalidField("position", "The tier '" + t.name() + "' has position " + position
                        + " already. Choose another position.");
            }
            boolean ordered = t.position() < position ? t.threshold() < threshold : t.threshold() > threshold;
            if (!ordered) {
                throw ApiException.invalidField("threshold", "Thresholds must rise with positions: the tier '"
                        + t.name() + "' at position " + t.position() + " has threshold " + t.threshold() + ".");
            }
        }
        return tiers.insert(account, name, description, position, threshold);
    }
}
