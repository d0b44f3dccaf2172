package io.piggy.form;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ListQuery;
import io.piggy.shared.api.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Repository
class FormSubmissions {
    private final JdbcClient db;
    private final JsonMapper json;

    FormSubmissions(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    record Submission(UUID id, UUID contact, boolean firstSubmission, long creditsDue, Map<String, Object> answers,
                      Instant createdAt) {
    }

    /**
     * Records a submission. It is the contact's first of this form exactly when no first one
     * exists: the unique partial index makes concurrent firsts wait, and all but one become repeats.
     * @param credits what the form awards for a first submission
     */
    Submission record(AccountId account, UUID id, UUID form, UUID contact, long credits, Map<String, Object> answers,
                      Instant now) {
        String answersJson = json.writeValueAsString(answers);
        boolean first = db.sql("""
                        INSERT INTO form_submissions (account_id, id, form_id, contact_id, first_submission, credits_due,
                                                      answers, created_at)
                        VALUES (:account, :id, :form, :contact, true, :credits, CAST(:answers AS jsonb), :now)
                        ON CONFLICT (account_id, form_id, contact_id) WHERE first_submission DO NOTHING""")
                .param("account", account.value()).param("id", id).param("form", form).param("contact", contact)
                .param("credits", credits).param("answers", answersJson).param("now", Timestamp.from(now))
                .update() == 1;
        if (!first) {
            db.sql("""
                            INSERT INTO form_submissions (account_id, id, form_id, contact_id, first_submission, credits_due,
                                                          answers, created_at)
                            VALUES (:account, :id, :form, :contact, false, 0, CAST(:answers AS jsonb), :now)""")
                    .param("account", account.value()).param("id", id).param("form", form).param("contact", contact)
                    .param("answers", answersJson).param("now", Timestamp.from(now)).update();
        }
        return new Submission(id, contact, first, first ? credits : 0, answers, now);
    }

    List<Submission> list(AccountId account, UUID form, ListQuery query, PageRequest page) {
        return db.sql("""
                        SELECT id, contact_id, first_submission, credits_due, answers::text AS answers, created_at
                          FROM form_submissions WHERE account_id = :account AND form_id = :form"""
                        + query.createdAtSql("created_at") + query.orderBySql("created_at", "id")
                        + " LIMIT :limit OFFSET :offset")
                .param("account", account.value()).param("form", form).params(query.parameters())
                .param("limit", page.limit()).param("offset", page.offset())
                .query(this::map).list();
    }

    long count(AccountId account, UUID form, ListQuery query) {
        return db.sql("SELECT count(*) FROM form_submissions WHERE account_id = :account AND form_id = :form"
                        + query.createdAtSql("created_at"))
                .param("account", account.value()).param("form", form).params(query.parameters())
                .query(Long.class).single();
    }

    /** The source's submissions become the destination's; a form both submitted keeps one first submission. */
    void move(AccountId account, UUID source, UUID destination) {
        db.sql("""
                        UPDATE form_submissions s SET first_submission = false
                         WHERE s.account_id = :account AND s.contact_id = :source AND s.first_submission
                           AND EXISTS (SELECT 1 FROM form_submissions d
                                        WHERE d.account_id = s.account_id AND d.form_id = s.form_id
                                          AND d.contact_id = :destination AND d.first_submission)""")
                .param("account", account.value()).param("source", source).param("destination", destination).update();
        db.sql("UPDATE form_submissions SET contact_id = :destination WHERE account_id = :account AND contact_id = :source")
                .param("account", account.value()).param("source", source).param("destination", destination).update();
    }

    /** What the contact sent is personal data; the rows stay (they record credits that were due). */
    void eraseAnswers(AccountId account, UUID contact) {
        db.sql("UPDATE form_submissions SET answers = '{}'::jsonb WHERE account_id = :account AND contact_id = :contact")
                .param("account", account.value()).param("contact", contact).update();
    }

    @SuppressWarnings("unchecked")
    private Submission map(ResultSet rs, int row) throws SQLException {
        return new Submission(rs.getObject("id", UUID.class), rs.getObject("contact_id", UUID.class),
                rs.getBoolean("first_submission"), rs.getLong("credits_due"),
                json.readValue(rs.getString("answers"), Map.class), rs.getTimestamp("created_at").toInstant());
    }
}
