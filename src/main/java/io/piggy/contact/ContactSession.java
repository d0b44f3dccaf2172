package io.piggy.contact;

import io.piggy.account.AccountId;

import java.util.UUID;

/** Who a contact auth token speaks for: one contact of one account. */
public record ContactSession(AccountId account, UUID contact) {
}
