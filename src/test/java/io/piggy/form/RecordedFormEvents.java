package io.piggy.form;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the loyalty feature's listener in the form tests: records each FormSubmitted with
 * whether it arrived inside the submission's transaction, and fails on purpose for chosen forms.
 */
@Component
class RecordedFormEvents {
    record Received(FormSubmitted event, boolean inTransaction) {
    }

    static final List<Received> EVENTS = new CopyOnWriteArrayList<>();
    static final Set<UUID> FAIL_FOR_FORMS = ConcurrentHashMap.newKeySet();

    @EventListener
    void on(FormSubmitted event) {
        EVENTS.add(new Received(event, TransactionSynchronizationManager.isActualTransactionActive()));
        if (FAIL_FOR_FORMS.contains(event.form())) {
            throw new IllegalStateException("listener failed on purpose");
        }
    }

    static List<Received> of(String form) {
        return EVENTS.stream().filter(r -> r.event().form().toString().equals(form)).toList();
    }
}
