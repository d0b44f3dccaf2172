package io.piggy.shared.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code Idempotency-Key} for every POST of the account API. The request runs in one database
 * transaction together with the key's row, so its effects and its stored answer commit together:
 * a retry after a crash either finds both or neither. A second request with the same key waits
 * for the first, then gets the stored answer ({@code Idempotent-Replayed: true}); the same key
 * with another body gets 409 (1409). Only successful answers are stored: a rejected request
 * changed nothing, so repeating it is safe.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
public class IdempotencyFilter extends OncePerRequestFilter {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;
    /** Answers larger than this are not kept whole: a replay says so instead (docs/decisions.md). */
    static final int MAX_STORED_ANSWER = 64 * 1024;

    private final JdbcClient db;
    private final PlatformTransactionManager transactions;
    private final IdempotencyScope scope;
    private final JsonMapper json;
    private final Clock clock;

    public IdempotencyFilter(JdbcClient db, PlatformTransactionManager transactions, IdempotencyScope scope,
                             JsonMapper json, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.scope = scope;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/v3/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            ErrorResponses.write(response, json, ApiException.invalidField(HEADER,
                    "The Idempotency-Key header must have 1 to " + MAX_KEY_LENGTH + " characters."));
            return;
        }
        Optional<UUID> account = scope.accountOf(request);
        if (account.isEmpty()) {
            chain.doFilter(request, response); // authentication answers it
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        byte[] hash = hash(request, body);

        TransactionStatus tx = transactions.getTransaction(new DefaultTransactionDefinition());
        try {
            boolean claimed = db.sql("""
                            INSERT INTO idempotency_keys (account_id, key, request_hash, created_at)
                            VALUES (:account, :key, :hash, :now) ON CONFLICT DO NOTHING""")
                    .param("account", account.get()).param("key", key).param("hash", hash)
                    .param("now", Timestamp.from(clock.instant())).update() == 1;
            if (!claimed) {
                transactions.rollback(tx);
                replay(account.get(), key, hash, response);
                return;
            }
            ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, captured); // its body can be read again (RequestBodyFilter)
            int status = captured.getStatus();
            if (status >= 200 && status < 300 && !tx.isRollbackOnly()) {
                db.sql("""
                                UPDATE idempotency_keys SET status = :status, content_type = :type, body = :body
                                WHERE account_id = :account AND key = :key""")
                        .param("status", status).param("type", captured.getContentType())
                        .param("body", storable(captured.getContentAsByteArray()))
                        .param("account", account.get()).param("key", key).update();
                transactions.commit(tx);
            } else {
                transactions.rollback(tx);
            }
            captured.copyBodyToResponse();
        } catch (RuntimeException | IOException | ServletException e) {
            if (!tx.isCompleted()) {
                transactions.rollback(tx);
            }
            throw e;
        }
    }

    private void replay(UUID account, String key, byte[] hash, HttpServletResponse response) throws IOException {
        record Stored(byte[] requestHash, Integer status, String contentType, byte[] body) {
        }
        Stored stored = db.sql("""
                        SELECT request_hash, status, content_type, body FROM idempotency_keys
                        WHERE account_id = :account AND key = :key""")
                .param("account", account).param("key", key)
                .query((rs, n) -> new Stored(rs.getBytes(1), (Integer) rs.getObject(2), rs.getString(3), rs.getBytes(4)))
                .single();
        if (!MessageDigest.isEqual(stored.requestHash(), hash)) {
            ErrorResponses.write(response, json, new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used with another request. Use a new key for a new request."));
            return;
        }
        response.setStatus(stored.status());
        response.setHeader(REPLAYED, "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        response.getOutputStream().write(stored.body());
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

    /** Same method, path, query and body bytes; the form filter has already turned forms into JSON. */
    private static byte[] hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
