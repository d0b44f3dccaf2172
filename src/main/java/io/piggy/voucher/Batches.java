package io.piggy.voucher;

import io.piggy.account.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;

/** Voucher batches and their chunks. */
@Repository
class Batches {
    private static final String COLUMNS = """
            id, promotion_id, quantity, generated, status, error, code_template, code_charset, contact_id,
            activation_date, expiration_date, redemptions_allowed, attributes::text AS attributes, created_at,
            completed_at
            """;
    private final JdbcClient db;
    private final JsonMapper json;

    Batches(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    record Batch(UUID id, UUID promotionId, long quantity, long generated, String status, String error,
                 CodeFormat format, UUID contactId, Instant activationDate, Instant expirationDate,
                 int redemptionsAllowed, Map<String, Object> attributes, Instant createdAt, Instant completedAt) {
    }

    record Chunk(AccountId account, UUID batchId, int chunkNo, int size) {
    }

    /** Creates the batch and all its chunks; workers pick them up once this commits. */
    void create(AccountId account, UUID id, VoucherDraft.Draft draft, CodeFormat format, long quantity, int chunkSize,
                Instant now) {
        db.sql("""
                        INSERT INTO voucher_batches (account_id, id, promotion_id, quantity, status, code_template,
                            code_charset, contact_id, activation_date, expiration_date, redemptions_allowed, attributes,
                            created_at, updated_at)
                        VALUES (:account, :id, :promotion, :quantity, 'PENDING', :template, :charset, :contact,
                                :activation, :expiration, :allowed, CAST(:attributes AS jsonb), :now, :now)""")
                .param("account", account.value()).param("id", id).param("promotion", draft.promotion().id())
                .param("quantity", quantity).param("template", format.template()).param("charset", format.charset())
                .param("contact", draft.contact()).param("activation", Vouchers.timestamp(draft.activationDate()))
                .param("expiration", Vouchers.timestamp(draft.expirationDate()))
                .param("allowed", draft.redemptionsAllowed())
                .param("attributes", draft.attributes().isEmpty() ? null : json.writeValueAsString(draft.attributes()))
                .param("now", Timestamp.from(now)).update();
        db.sql("""
                        INSERT INTO voucher_batch_chunks (account_id, batch_id, chunk_no, size)
                        SELECT :account, :id, g, LEAST(:chunk, :quantity - g::bigint * :chunk)
                        FROM generate_series(0, ((:quantity + :chunk - 1) / :chunk)::int - 1) AS g""")
                .param("account", account.value()).param("id", id).param("quantity", quantity)
                .param("chunk", chunkSize).update();
    }

    Optional<Batch> find(AccountId account, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM voucher_batches WHERE account_id = :account AND id = :id")
                .param("account", account.value()).param("id", id).query(this::map).optional();
    }

    List<Batch> list(AccountId account, long offset, int limit) {
        return db.sql("SELECT " + COLUMNS + """
                         FROM voucher_batches WHERE account_id = :account
                        ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("account", account.value()).param("limit", limit).param("offset", offset)
                .query(this::map).list();
    }

    long count(AccountId account) {
        return db.sql("SELECT count(*) FROM voucher_batches WHERE account_id = :account")
                .param("account", account.value()).query(Long.class).single();
    }

    /**
     * Claims the next chunk of any account for this transaction. Lowest chunk number first, so a
     * new batch's first chunk overtakes the rest of a long one; SKIP LOCKED lets every worker of
     * every instance take a different chunk. A chunk backing off after a transient failure waits
     * for its retry time.
     */
    Optional<Chunk> claimChunk(Instant now) {
        return db.sql("""
                        SELECT account_id, batch_id, chunk_no, size FROM voucher_batch_chunks
                        WHERE done_at IS NULL AND (retry_at IS NULL OR retry_at <= :now)
                        ORDER BY chunk_no, batch_id LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Chunk(new AccountId(rs.getObject("account_id", UUID.class)),
                        rs.getObject("batch_id", UUID.class), rs.getInt("chunk_no"), rs.getInt("size")))
                .optional();
    }

    /** Inserts the codes that are free; returns how many went in (the caller makes up the rest). */
    int insertVouchers(Chunk chunk, Batch batch, UUID[] ids, String[] codes, Instant now) {
        return db.sql("""
                        INSERT INTO vouchers (account_id, id, code, promotion_id, contact_id, batch_id, activation_date,
                                              expiration_date, redemptions_allowed, attributes, created_at, updated_at)
                        SELECT :account, t.id, t.code, :promotion, CAST(:contact AS uuid), :batch,
                               CAST(:activation AS timestamptz), CAST(:expiration AS timestamptz), :allowed,
                               CAST(:attributes AS jsonb), :now, :now
                        FROM unnest(:ids, :codes) AS t(id, code)
                        ON CONFLICT DO NOTHING""")
                .param("account", chunk.account().value()).param("promotion", batch.promotionId())
                .param("contact", batch.contactId()).param("batch", batch.id())
                .param("activation", Vouchers.timestamp(batch.activationDate()))
                .param("expiration", Vouchers.timestamp(batch.expirationDate()))
                .param("allowed", batch.redemptionsAllowed())
                .param("attributes", batch.attributes().isEmpty() ? null : json.writeValueAsString(batch.attributes()))
                .param("now", Timestamp.from(now))
                .param("ids", new SqlArrayValue("uuid", (Object[]) ids))
                .param("codes", new SqlArrayValue("text", (Object[]) codes))
                .update();
    }

    record Progress(long generated, long quantity, String status) {
    }

    /** Marks the chunk done and adds its vouchers to the batch, in the chunk's transaction. */
    Progress completeChunk(Chunk chunk, String worker, Instant now) {
        markDone(chunk, worker, now);
        return db.sql("""
                        UPDATE voucher_batches SET generated = generated + :size, updated_at = :now,
                            status = CASE WHEN status = 'FAILED' THEN status
                                          WHEN generated + :size = quantity THEN 'COMPLETED' ELSE 'PROCESSING' END,
                            completed_at = CASE WHEN status = 'FAILED' THEN completed_at
                                                WHEN generated + :size = quantity THEN :now END
                        WHERE account_id = :account AND id = :batch
                        RETURNING generated, quantity, status""")
                .param("account", chunk.account().value()).param("batch", chunk.batchId())
                .param("size", chunk.size()).param("now", Timestamp.from(now))
                .query((rs, n) -> new Progress(rs.getLong(1), rs.getLong(2), rs.getString(3))).single();
    }

    /** Takes the chunk off the queue (done, or of a batch that is over). */
    void markDone(Chunk chunk, String worker, Instant now) {
        db.sql("""
                        UPDATE voucher_batch_chunks SET done_at = :now, processed_by = :worker
                        WHERE account_id = :account AND batch_id = :batch AND chunk_no = :chunk""")
                .param("account", chunk.account().value()).param("batch", chunk.batchId())
                .param("chunk", chunk.chunkNo()).param("worker", worker).param("now", Timestamp.from(now)).update();
    }

    /**
     * Counts a failed attempt and holds the chunk back until {@code retryAt(attempts)}; run in one
     * transaction, so the count and the retry time always agree.
     * @return how many attempts the chunk has failed so far
     */
    int recordError(Chunk chunk, String error, IntFunction<Instant> retryAt) {
        Optional<Integer> attempts = db.sql("""
                        UPDATE voucher_batch_chunks SET attempts = attempts + 1, last_error = :error
                        WHERE account_id = :account AND batch_id = :batch AND chunk_no = :chunk
                        RETURNING attempts""")
                .param("account", chunk.account().value()).param("batch", chunk.batchId())
                .param("chunk", chunk.chunkNo()).param("error", error).query(Integer.class).optional();
        attempts.ifPresent(n -> db.sql("""
                        UPDATE voucher_batch_chunks SET retry_at = :retryAt
                        WHERE account_id = :account AND batch_id = :batch AND chunk_no = :chunk""")
                .param("account", chunk.account().value()).param("batch", chunk.batchId())
                .param("chunk", chunk.chunkNo()).param("retryAt", Timestamp.from(retryAt.apply(n))).update());
        return attempts.orElse(0);
    }

    record Failed(Batch batch, long cancelled) {
    }

    /**
     * Fails the batch and takes its open chunks off the queue. Chunks that other workers hold
     * right now are left to finish (they would deadlock with us otherwise); they keep their vouchers.
     * @return the batch as it was and how many vouchers its cancelled chunks would have made,
     *         when the batch was not over yet
     */
    Optional<Failed> fail(AccountId account, UUID batch, String error, Instant now) {
        Optional<Batch> open = db.sql("SELECT " + COLUMNS + """
                         FROM voucher_batches WHERE account_id = :account AND id = :id
                          AND status IN ('PENDING', 'PROCESSING') FOR UPDATE""")
                .param("account", account.value()).param("id", batch).query(this::map).optional();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        db.sql("""
                        UPDATE voucher_batches SET status = 'FAILED', error = :error, updated_at = :now, completed_at = :now
                        WHERE account_id = :account AND id = :id""")
                .param("account", account.value()).param("id", batch).param("error", error)
                .param("now", Timestamp.from(now)).update();
        long cancelled = db.sql("""
                        WITH cancelled AS (
                            UPDATE voucher_batch_chunks SET done_at = :now
                            WHERE (account_id, batch_id, chunk_no) IN (
                                SELECT account_id, batch_id, chunk_no FROM voucher_batch_chunks
                                WHERE account_id = :account AND batch_id = :id AND done_at IS NULL
                                FOR UPDATE SKIP LOCKED)
                            RETURNING size)
                        SELECT COALESCE(sum(size), 0) FROM cancelled""")
                .param("account", account.value()).param("id", batch).param("now", Timestamp.from(now))
                .query(Long.class).single();
        return Optional.of(new Failed(open.get(), cancelled));
    }

    private Batch map(ResultSet rs, int row) throws SQLException {
        String attributes = rs.getString("attributes");
        @SuppressWarnings("unchecked")
        Map<String, Object> values = attributes == null ? Map.of() : json.readValue(attributes, Map.class);
        return new Batch(rs.getObject("id", UUID.class), rs.getObject("promotion_id", UUID.class),
                rs.getLong("quantity"), rs.getLong("generated"), rs.getString("status"), rs.getString("error"),
                new CodeFormat(rs.getString("code_template"), rs.getString("code_charset")),
                rs.getObject("contact_id", UUID.class), Vouchers.instant(rs, "activation_date"),
                Vouchers.instant(rs, "expiration_date"), rs.getInt("redemptions_allowed"), values,
                Vouchers.instant(rs, "created_at"), Vouchers.instant(rs, "completed_at"));
    }
}
