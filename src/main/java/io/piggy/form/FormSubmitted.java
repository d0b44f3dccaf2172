package io.piggy.form;

import io.piggy.account.AccountId;

import java.util.UUID;

/**
 * A contact submitted a hosted form. Published synchronously inside the submission's
 * transaction, so a listener that fails (the loyalty feature awarding {@code credits}) undoes
 * the submission. {@code credits} is what the form awards for this submission: the form's
 * credits on the contact's first submission of it, 0 afterwards.
 */
public record FormSubmitted(AccountId account, UUID form, UUID submission, UUID contact, boolean firstSubmission,
                            long credits) {
}
