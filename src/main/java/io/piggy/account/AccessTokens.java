package io.piggy.account;

import io.piggy.shared.auth.Secrets;
import io.piggy.shared.db.Ids;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Bearer tokens, kept only as hashes. */
@Repository
class AccessTokens {
    private final JdbcClient db;
    private final Clock clock;
    private final RecentTokens recent;

    AccessTokens(JdbcClient db, Clock clock, @Value("${piggy.auth.token-cache-ttl}") Duration cacheTtl) {
        this.db = db;
        this.clock = clock;
        this.recent = new RecentTokens(cacheTtl);
    }

    record Issued(UUID id, String token, Instant expiresAt) {
    }

    /** A token as the operator lists it: never its secret or hash. */
    record Listed(UUID id, String name, String kind, UUID clientId, Instant createdAt, Instant expiresAt,
                  Instant revokedAt) {
    }

    /** An account's tokens, newest first, live and revoked. */
    List<Listed> list(UUID account) {
        return db.sql("""
                        SELECT id, name, kind, client_id, created_at, expires_at, revoked_at FROM access_tokens
                        WHERE account_id = :account ORDER BY created_at DESC, id DESC""")
                .param("account", account)
                .query((rs, n) -> new Listed(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("kind"),
                        rs.getObject("client_id", UUID.class), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    record Holder(UUID accountId, byte[] tokenHash, Instant expiresAt) {
    }

    Issued issuePersonal(UUID account, String name) {
        return store(account, Secrets.newToken("piggy_"), "personal", name, null, null);
    }

    Issued issueExact(UUID account, String token, String name) {
        return store(account, token, "personal", name, null, null);
    }

    Issued issueOAuth(UUID account, UUID clientId, Instant expiresAt) {
        return store(account, Secrets.newToken("piggy_oauth_"), "oauth", "client " + clientId, clientId, expiresAt);
    }

    private Issued store(UUID account, String token, String kind, String name, UUID clientId, Instant expiresAt) {
        UUID id = Ids.next(clock);
        db.sql("""
                INSERT INTO access_tokens (account_id, id, token_hash, kind, name, client_id, created_at, expires_at)
                VALUES (:account, :id, :hash, :kind, :name, :client, :now, :expires)""")
                .param("account", account).param("id", id).param("hash", Secrets.hash(token))
                .param("kind", kind).param("name", name).param("client", clientId)
                .param("now", Timestamp.from(clock.instant()))
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
        return new Issued(id, token, expiresAt);
    }

    /** The holder of a live (not revoked) token, found by the token's hash (or recently found). */
    Optional<Holder> findLive(String token) {
        byte[] hash = Secrets.hash(token);
        return recent.get(hash, () -> db.sql("""
                        SELECT account_id, token_hash, expires_at FROM access_tokens
                        WHERE token_hash = :hash AND revoked_at IS NULL""")
                .param("hash", hash)
                .query((rs, n) -> new Holder(rs.getObject(1, UUID.class), rs.getBytes(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .optional()
                .filter(h -> Secrets.matches(token, h.tokenHash())));
    }

    boolean exists(String token) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM access_tokens WHERE token_hash = :hash)")
                .param("hash", Secrets.hash(token)).query(Boolean.class).single();
    }

    /**
     * Evicts the token from the recent ones now and again after the commit: a request that read the
     * row before the commit may have put it back meanwhile.
     */
    boolean revoke(UUID account, UUID tokenId) {
        Optional<byte[]> hash = db.sql("""
                        UPDATE access_tokens SET revoked_at = :now
                        WHERE account_id = :account AND id = :id AND revoked_at IS NULL
                        RETURNING token_hash""")
                .param("now", Timestamp.from(clock.instant())).param("account", account).param("id", tokenId)
                .query((rs, n) -> rs.getBytes(1)).optional();
        hash.ifPresent(h -> {
            recent.evict(h);
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        recent.evict(h);
                    }
                });
            }
        });
        return hash.isPresent();
    }
}
