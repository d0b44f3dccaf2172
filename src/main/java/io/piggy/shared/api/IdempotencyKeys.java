package io.piggy.shared.api;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import tools.jackson.databind.json.JsonMapper;

import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * The store behind idempotency keys, for every front end that takes one (the Idempotency-Key
 * header, a tool's idempotency_key): keys per account, each with the hash of its request and
 * the first successful answer. The work runs in one database transaction together with the
 * key's row, so its effects and its stored answer commit together: a retry after a crash finds
 * both or neither. A second use of the key waits for the first, then gets the stored answer if
 * its request hash is the same, or a refusal. Only successful answers are stored: a rejected
 * request changed nothing, so repeating it is safe.
 */
@Component
public class IdempotencyKeys {
    public static final int MAX_KEY_LENGTH = 255;
    /** Answers larger than this are not kept whole: a replay says so instead (docs/decisions.md). */
    static final int MAX_STORED_ANSWER = 64 * 1024;

    private final JdbcClient db;
    private final PlatformTransactionManager transactions;
    private final JsonMapper json;
    private final Clock clock;

    public IdempotencyKeys(JdbcClient db, PlatformTransactionManager transactions, JsonMapper json, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** An answer as kept for replays. */
    public record Answer(int status, String contentType, byte[] body) {
    }

    /** What became of a keyed request: it ran (its answer, null when it failed), was replayed, or was refused. */
    public record Outcome(Answer answer, boolean replayed, boolean reused) {
    }

    /** The work under a key: its successful answer, or null when it failed (nothing is kept then). */
    @FunctionalInterface
    public interface Work<E1 extends Exception, E2 extends Exception> {
        Answer run() throws E1, E2;
    }

    /** The 1003 for a key that is blank or too long, else null. */
    public static ApiException checkKey(String key, String field, String what) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return ApiException.invalidField(field, "The " + what + " must have 1 to " + MAX_KEY_LENGTH + " characters.");
        }
        return null;
    }

    /** The 1409 for a key used with another request. */
    public static ApiException reused(String what) {
        return new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                "This " + what + " was used with another request. Use a new key for a new request.");
    }

    public <E1 extends Exception, E2 extends Exception> Outcome run(UUID account, String key, byte[] requestHash,
                                                                    Work<E1, E2> work) throws E1, E2 {
        TransactionStatus tx = transactions.getTransaction(new DefaultTransactionDefinition());
        try {
            boolean claimed = db.sql("""
                            INSERT INTO idempotency_keys (account_id, key, request_hash, created_at)
                            VALUES (:account, :key, :hash, :now) ON CONFLICT DO NOTHING""")
                    .param("account", account).param("key", key).param("hash", requestHash)
                    .param("now", Timestamp.from(clock.instant())).update() == 1;
            if (!claimed) {
                transactions.rollback(tx);
                return stored(account, key, requestHash);
            }
            Answer answer = work.run();
            if (answer != null && !tx.isRollbackOnly()) {
                db.sql("""
                                UPDATE idempotency_keys SET status = :status, content_type = :type, body = :body
                                WHERE account_id = :account AND key = :key""")
                        .param("status", answer.status()).param("type", answer.contentType())
                        .param("body", storable(answer.body()))
                        .param("account", account).param("key", key).update();
                transactions.commit(tx);
            } else {
                transactions.rollback(tx);
            }
            return new Outcome(answer, false, false);
        } catch (Exception e) {
            if (!tx.isCompleted()) {
                transactions.rollback(tx);
            }
            throw e;
        }
    }

    private Outcome stored(UUID account, String key, byte[] hash) {
        record Stored(byte[] requestHash, Integer status, String contentType, byte[] body) {
        }
        Stored stored = db.sql("""
                        SELECT request_hash, status, content_type, body FROM idempotency_keys
                        WHERE account_id = :account AND key = :key""")
                .param("account", account).param("key", key)
                .query((rs, n) -> new Stored(rs.getBytes(1), (Integer) rs.getObject(2), rs.getString(3), rs.getBytes(4)))
                .single();
        if (!MessageDigest.isEqual(stored.requestHash(), hash)) {
            return new Outcome(null, false, true);
        }
        return new Outcome(new Answer(stored.status(), stored.contentType(), stored.body()), true, false);
    }

    /** The answer to keep for replays: itself, or past the cap a short note in the envelope's shape. */
    private byte[] storable(byte[] answer) {
        if (answer.length <= MAX_STORED_ANSWER) {
            return answer;
        }
        return json.writeValueAsBytes(Map.of("data", Map.of(), "meta", Map.of("idempotent_replay",
                "The first answer to this request (" + answer.length + " bytes) was too large to keep. "
                        + "The request took effect once; read the resource to see it.")));
    }
}
