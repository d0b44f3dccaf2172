package io.piggy.account;

import io.piggy.shared.auth.Secrets;
import io.piggy.shared.db.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Client-credentials clients; the secret is kept only as a hash. */
@Repository
class OAuthClients {
    private final JdbcClient db;
    private final Clock clock;

    OAuthClients(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    record Issued(UUID clientId, String secret, String name) {
    }

    Issued issue(UUID account, String name) {
        UUID id = Ids.next(clock);
        String secret = Secrets.newToken("");
        db.sql("""
                INSERT INTO oauth_clients (account_id, id, secret_hash, name, created_at)
                VALUES (:account, :id, :hash, :name, :now)""")
                .param("account", account).param("id", id).param("hash", Secrets.hash(secret))
                .param("name", name).param("now", Timestamp.from(clock.instant())).update();
        return new Issued(id, secret, name);
    }

    /** The account of a live client whose secret matches, compared in constant time. */
    Optional<UUID> authenticate(UUID clientId, String secret) {
        return db.sql("SELECT account_id, secret_hash FROM oauth_clients WHERE id = :id AND revoked_at IS NULL")
                .param("id", clientId)
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getBytes(2)))
                .optional()
                .filter(stored -> Secrets.matches(secret, stored.secretHash()))
                .map(Stored::accountId);
    }

    private record Stored(UUID accountId, byte[] secretHash) {
    }
}
