package io.piggy.contact;

import io.piggy.account.AccountId;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the features that extend contacts (loyalty, vouchers) in the contact tests: it
 * contributes facts for the contacts a test gives it, and records merge and erasure calls. Like a
 * real step it moves its data only when the merge transaction commits. Contacts a test does not
 * name are left alone, so other tests sharing the application see no difference; for the ones it
 * names, its facts come first (highest precedence) and win over a real feature's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RecordingContactExtensions implements ContactFacts, ContactMergeStep, ContactErasureStep {
    static final Map<UUID, Map<String, Object>> FACTS = new ConcurrentHashMap<>();
    static final List<String> CALLS = new CopyOnWriteArrayList<>();
    /** Merges into these contacts fail inside the step, as a broken feature would. */
    static final Set<UUID> FAIL_MERGES_INTO = ConcurrentHashMap.newKeySet();

    @Override
    public Map<String, Object> factsOf(AccountId account, UUID contact) {
        return FACTS.getOrDefault(contact, Map.of());
    }

    @Override
    public void merge(AccountId account, UUID source, UUID destination) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("merge steps must run inside the merge transaction");
        }
        if (FAIL_MERGES_INTO.contains(destination)) {
            throw new IllegalStateException("merge step failed on purpose");
        }
        CALLS.add("merge " + source + " " + destination);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                Map<String, Object> moved = FACTS.remove(source);
                if (moved != null) {
                    FACTS.merge(destination, moved, RecordingContactExtensions::add);
                }
            }
        });
    }

    @Override
    public void erase(AccountId account, UUID contact) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("erasure steps must run inside the erasure transaction");
        }
        CALLS.add("erase " + contact);
    }

    private static Map<String, Object> add(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> sum = new ConcurrentHashMap<>(a);
        b.forEach((k, v) -> sum.merge(k, v, (x, y) -> ((Number) x).longValue() + ((Number) y).longValue()));
        return sum;
    }
}
