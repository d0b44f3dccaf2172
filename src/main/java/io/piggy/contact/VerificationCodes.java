package io.piggy.contact;

import io.piggy.shared.auth.Secrets;
import io.piggy.account.AccountId;
import io.piggy.shared.db.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/** One-time verification codes: six digits, valid 15 minutes, five tries, stored hashed with their contact. */
@Repository
class VerificationCodes {
    static final Duration LIFETIME = Duration.ofMinutes(15);
    static final int MAX_ATTEMPTS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient db;
    private final Clock clock;

    VerificationCodes(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** @return the new code, to be sent to the contact */
    String issue(AccountId account, UUID contact) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant now = clock.instant();
        db.sql("""
                        INSERT INTO contact_verification_codes (account_id, id, contact_id, code_hash, created_at, expires_at)
                        VALUES (:account, :id, :contact, :hash, :now, :expires)""")
                .param("account", account.value()).param("id", Ids.next(clock)).param("contact", contact)
                .param("hash", hash(contact, code)).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(LIFETIME))).update();
        return code;
    }

    /** Uses up the contact's newest live code when it matches; a miss counts as one of its tries. */
    boolean use(AccountId account, UUID contact, String code) {
        record Live(UUID id, byte[] hash) {
        }
        Timestamp now = Timestamp.from(clock.instant());
        Optional<Live> live = db.sql("""
                        SELECT id, code_hash FROM contact_verification_codes
                        WHERE account_id = :account AND contact_id = :contact AND used_at IS NULL
                          AND expires_at > :now AND attempts < :max
                        ORDER BY created_at DESC LIMIT 1 FOR UPDATE""")
                .param("account", account.value()).param("contact", contact).param("now", now)
                .param("max", MAX_ATTEMPTS).query((rs, n) -> new Live(rs.getObject(1, UUID.class), rs.getBytes(2))).optional();
        if (live.isEmpty()) {
            return false;
        }
        boolean matches = MessageDigest.isEqual(live.get().hash(), hash(contact, code));
        db.sql("UPDATE contact_verification_codes SET " + (matches ? "used_at = :now" : "attempts = attempts + 1")
                        + " WHERE account_id = :account AND id = :id")
                .param("now", now).param("account", account.value()).param("id", live.get().id()).update();
        return matches;
    }

    void deleteAll(AccountId account, Collection<UUID> contacts) {
        db.sql("DELETE FROM contact_verification_codes WHERE account_id = :account AND contact_id IN (:contacts)")
                .param("account", account.value()).param("contacts", contacts).update();
    }

    private static byte[] hash(UUID contact, String code) {
        return Secrets.hash(contact + ":" + code);
    }
}
