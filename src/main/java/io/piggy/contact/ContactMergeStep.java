package io.piggy.contact;

import io.piggy.account.AccountId;

import java.util.UUID;

/**
 * A feature's share of merging two contacts (claim, merge): move everything the source owns to the
 * destination. Called inside the merge transaction, after both contacts are locked; nothing may
 * be lost or counted twice.
 */
public interface ContactMergeStep {
    void merge(AccountId account, UUID source, UUID destination);
}
