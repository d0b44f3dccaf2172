package io.piggy.account;

import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The account secret: signs webhooks whose subscription has no secret of its own (and, later,
 * loyalty tokens). The database makes it (the column's default: 244 random bits in hex) when an
 * account is created and again when it is rotated; it is stored readable, as an HMAC needs it.
 */
@Component
public class AccountSecrets {
    private final JdbcClient db;

    AccountSecrets(JdbcClient db) {
        this.db = db;
    }

    public Optional<String> of(AccountId account) {
        return db.sql("SELECT secret FROM accounts WHERE id = :id").param("id", account.value())
                .query(String.class).optional();
    }

    String show(UUID account) {
        return of(new AccountId(account)).orElseThrow(() -> notFound(account));
    }

    /** A new secret at once; the old one signs nothing from now on. */
    String rotate(UUID account) {
        return db.sql("UPDATE accounts SET secret = DEFAULT WHERE id = :id RETURNING secret").param("id", account)
                .query(String.class).optional().orElseThrow(() -> notFound(account));
    }

    private static ApiException notFound(UUID account) {
        return new ApiException(ErrorCode.MODEL_NOT_FOUND, "Account " + account + " not found.");
    }
}
