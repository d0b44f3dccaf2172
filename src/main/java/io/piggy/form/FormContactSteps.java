package io.piggy.form;

import io.piggy.account.AccountId;
import io.piggy.contact.ContactErasureStep;
import io.piggy.contact.ContactMergeStep;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Keeps form submissions with their contact through merges, and forgets their answers on a GDPR erasure. */
@Component
class FormContactSteps implements ContactMergeStep, ContactErasureStep {
    private final FormSubmissions submissions;

    FormContactSteps(FormSubmissions submissions) {
        this.submissions = submissions;
    }

    @Override
    public void merge(AccountId account, UUID source, UUID destination) {
        submissions.move(account, source, destination);
    }

    @Override
    public void erase(AccountId account, UUID contact) {
        submissions.eraseAnswers(account, contact);
    }
}
