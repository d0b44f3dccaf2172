package io.piggy.loyalty;

import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;

/**
 * {@code contact_identifier_value} on receptions. Contact identifiers belong to the contact feature,
 * which does not have them yet in this branch: a value that is given can never be resolved, so it
 * is refused with 60003 rather than silently ignored. To be wired to the identifier lookup once it
 * exists (resolve, check it belongs to the contact, echo it as {@code contact_identifier}).
 */
final class LoyaltyIdentifiers {
    private LoyaltyIdentifiers() {
    }

    static void requireResolvable(String value) {
        if (value != null && !value.isBlank()) {
            throw new ApiException(ErrorCode.CONTACT_IDENTIFIER_NOT_FOUND,
                    "Contact identifier '" + value + "' not found.");
        }
    }
}
