package io.piggy.contact;

import io.piggy.shared.auth.Secrets;
import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.db.Ids;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Contact auth tokens: 256 random bits handed out once, kept only as SHA-256, bound to one
 * contact of one account, expiring after {@code piggy.contact-token-lifetime} (30 days by default).
 * {@link #resolve} is how a contact-facing page or API learns who is calling.
 */
@Service
public class ContactAuthTokens {
    static final String PREFIX = "pct_";
    private final JdbcClient db;
    private final Clock clock;
    private final Duration lifetime;

    ContactAuthTokens(JdbcClient db, Clock clock, @Value("${piggy.contact-token-lifetime}") Duration lifetime) {
        this.db = db;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A new token for a live contact (55031 otherwise); its expired tokens are cleared on the way. */
    @Transactional
    String issue(AccountId account, UUID contact) {
        String token = Secrets.newToken(PREFIX);
        Instant now = clock.instant();
        int inserted = db.sql("""
                        INSERT INTO contact_auth_tokens (account_id, id, contact_id, token_hash, created_at, expires_at)
                        SELECT :account, :id, :contact, :hash, :now, :expires FROM contacts
                        WHERE account_id = :account AND id = :contact""" + Contacts.LIVE_BY_ID)
                .param("account", account.value()).param("id", Ids.next(clock)).param("contact", contact)
                .param("hash", Secrets.hash(token)).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(lifetime))).update();
        if (inserted == 0) {
            throw new ApiException(ErrorCode.CONTACT_NOT_FOUND);
        }
        db.sql("DELETE FROM contact_auth_tokens WHERE account_id = :account AND contact_id = :contact AND expires_at <= :now")
                .param("account", account.value()).param("contact", contact).param("now", Timestamp.from(now)).update();
        return token;
    }

    /**
     * The contact a token speaks for. Unknown (forged or tampered), revoked or expired tokens, and
     * tokens of contacts that are gone, are refused with 401 / 3000.
     */
    public ContactSession resolve(String token) {
        record Row(UUID account, UUID contact, byte[] hash, Instant expiresAt) {
        }
        Optional<Row> row = token == null || !token.startsWith(PREFIX) ? Optional.empty() : db.sql("""
                        SELECT t.account_id, t.contact_id, t.token_hash, t.expires_at FROM contact_auth_tokens t
                        WHERE t.token_hash = :hash AND t.revoked_at IS NULL
                          AND EXISTS (SELECT 1 FROM contacts
                                      WHERE account_id = t.account_id AND id = t.contact_id""" + Contacts.LIVE_BY_ID + ")")
                .param("hash", Secrets.hash(token))
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBytes(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
        if (row.isEmpty() || !Secrets.matches(token, row.get().hash())) {
            throw new ApiException(ErrorCode.TOKEN_EXPIRED, "This contact token is invalid or was revoked. Ask for a new one.");
        }
        if (!row.get().expiresAt().isAfter(clock.instant())) {
            throw new ApiException(ErrorCode.TOKEN_EXPIRED, "This contact token has expired. Ask for a new one.");
        }
        return new ContactSession(new AccountId(row.get().account()), row.get().contact());
    }

    /** Every live token of these contacts stops working at once. */
    void revokeAll(AccountId account, Collection<UUID> contacts) {
        db.sql("""
                        UPDATE contact_auth_tokens SET revoked_at = :now
                        WHERE account_id = :account AND contact_id IN (:contacts) AND revoked_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("account", account.value())
                .param("contacts", contacts).update();
    }

    void deleteAll(AccountId account, Collection<UUID> contacts) {
        db.sql("DELETE FROM contact_auth_tokens WHERE account_id = :account AND contact_id IN (:contacts)")
                .param("account", account.value()).param("contacts", contacts).update();
    }

}
