package io.piggy.form;

import io.piggy.account.AccountId;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A form as stored: the attribute names it asks for in order, what a submission enrols in and earns. */
record Form(AccountId account, UUID id, String name, FormStatus status, FormType type, List<String> fields,
            List<UUID> subscriptionTypes, long credits, String thankYouText, Instant createdAt, Instant updatedAt) {
}
