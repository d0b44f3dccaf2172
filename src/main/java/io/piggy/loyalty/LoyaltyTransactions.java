package io.piggy.loyalty;

import io.piggy.account.AccountCatalog;
import io.piggy.account.AccountId;
import io.piggy.account.ShopResponse;
import io.piggy.contact.ContactDirectory;
import io.piggy.shared.api.ListQuery;
import io.piggy.shared.api.PageRequest;
import io.piggy.shared.events.EventType;
import io.piggy.shared.events.Events;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The credits ledger. {@link #append} checks the contact and the shop, writes a row and moves the
 * contact's balance in ONE statement (autocommit, or the caller's transaction): the balance row is locked
 * only while that statement runs, and a guard keeps it from going negative, so concurrent writers
 * can neither over-spend nor lose an update.
 */
@Repository
class LoyaltyTransactions {
    /**
     * The contact must be live and the shop the account's, and a new reception within the program's
     * maximum: every statement below reads from {@code checked} (no row: nothing happens).
     */
    private static final String CHECKS = "WITH contact AS (" + ContactDirectory.LIVE_CONTACT_EMAIL_SQL + "), "
            + "shop AS (" + AccountCatalog.RECEPTION_SHOP_SQL + "), " + """
            checked AS (
                SELECT 1 FROM contact, shop
                WHERE NOT CAST(:capped AS boolean) OR shop.max_amount IS NULL OR :credits <= shop.max_amount
            ),
            """;
    /** Credits in (or zero): create the balance row on first use. */
    private static final String INCREASE = CHECKS + """
            moved AS (
                INSERT INTO contact_balances AS b (account_id, contact_id, balance, total_received, transactions,
                                                   first_at, last_at)
                SELECT :account, :contact, :credits, :received, 1, CAST(:now AS timestamptz), CAST(:now AS timestamptz)
                FROM checked
                ON CONFLICT (account_id, contact_id) DO UPDATE
                SET balance = b.balance + EXCLUDED.balance,
                    total_received = b.total_received + EXCLUDED.total_received,
                    transactions = b.transactions + 1,
                    first_at = LEAST(b.first_at, EXCLUDED.first_at),
                    last_at = GREATEST(b.last_at, EXCLUDED.last_at)
                WHERE b.merged_into IS NULL
                RETURNING b.balance
            )
            """;
    /** Credits out: only when the balance covers them (no row means a balance of zero). */
    private static final String DECREASE = CHECKS + """
            moved AS (
                UPDATE contact_balances
                SET balance = balance + :credits, total_received = total_received + :received,
                    transactions = transactions + 1, first_at = LEAST(first_at, :now), last_at = GREATEST(last_at, :now)
                WHERE account_id = :account AND contact_id = :contact AND merged_into IS NULL
                  AND balance + :credits >= 0 AND EXISTS (SELECT 1 FROM checked)
                RETURNING balance
            )
            """;
    /** The ledger row exists exactly when the balance moved. */
    private static final String ENTRY = """
            , entry AS (
                INSERT INTO loyalty_transactions (account_id, id, type, contact_id, shop_id, credits, unit_id,
                                                  unit_value, reward_id, reverses_id, pos_transaction_id, channel,
                                                  created_at)
                SELECT :account, :id, CAST(:type AS text), :contact, :shop, :credits, CAST(:unit AS uuid),
                       CAST(:unitValue AS numeric), CAST(:reward AS uuid), CAST(:reverses AS uuid),
                       CAST(:pos AS text), CAST(:channel AS text), CAST(:now AS timestamptz)
                FROM moved
                RETURNING id
            )
            """;
    private static final String DETAILS = """
            , details AS (
                INSERT INTO loyalty_transaction_details (account_id, transaction_id, contact_id,
                                                         contact_identifier_value, attributes)
                SELECT :account, id, :contact, CAST(:identifier AS text), CAST(:attributes AS jsonb) FROM entry
            )
            """;
    private static final String RESULT = "SELECT moved.balance, contact.email, shop.* FROM moved, contact, shop";
    /**
     * A credit reception's event, in the same statement: Java's answer with the three things only the
     * statement knows (the contact's email and balance after, the shop) set from its own CTEs.
     */
    private static final String RECEPTION_EVENT = Events.insertAfter("moved, contact, shop", """
            jsonb_set(jsonb_set(jsonb_set(CAST(:eventPayload AS jsonb),
                '{contact,email}', COALESCE(to_jsonb(contact.email), 'null'::jsonb)),
                '{contact,credit_balance,balance}', to_jsonb(moved.balance)),
                '{shop}', jsonb_build_object('id', shop.shop_id, 'uuid', shop.shop_uuid, 'name', shop.shop_name,
                                             'type', shop.shop_type, 'reference', shop.shop_reference))""");
    private static final String INCREASE_EVENT_SQL = INCREASE + ENTRY + RECEPTION_EVENT + RESULT;
    private static final String INCREASE_WITH_DETAILS_EVENT_SQL = INCREASE + ENTRY + DETAILS + RECEPTION_EVENT + RESULT;
    private static final String DECREASE_EVENT_SQL = DECREASE + ENTRY + RECEPTION_EVENT + RESULT;
    private static final String DECREASE_WITH_DETAILS_EVENT_SQL = DECREASE + ENTRY + DETAILS + RECEPTION_EVENT + RESULT;
    /** Whole statements, built once: the driver's and Spring's statement caches key on the text. */
    private static final String INCREASE_SQL = INCREASE + ENTRY + RESULT;
    private static final String INCREASE_WITH_DETAILS_SQL = INCREASE + ENTRY + DETAILS + RESULT;
    private static final String DECREASE_SQL = DECREASE + ENTRY + RESULT;
    private static final String DECREASE_WITH_DETAILS_SQL = DECREASE + ENTRY + DETAILS + RESULT;
    private static final String COLUMNS = """
            l.id, l.type, COALESCE(b.merged_into, l.contact_id) AS contact_id, l.shop_id, l.credits, l.unit_id,
            l.unit_value, l.reward_id, l.reverses_id, l.pos_transaction_id, l.channel, l.created_at
            """;
    /** Rows of a contact merged into another count for that other contact. */
    private static final String FROM = """
             FROM loyalty_transactions l
             LEFT JOIN contact_balances b ON b.account_id = l.account_id AND b.contact_id = l.contact_id
                                          AND b.merged_into IS NOT NULL
             WHERE l.account_id = :account""";

    private final JdbcClient db;
    private final JsonMapper json;

    LoyaltyTransactions(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** What a write leaves: the contact's balance after it, and the contact's email and the shop for the answer. */
    record Appended(long balance, String email, ShopResponse shop) {
    }

    /**
     * @return the balance after the entry, or empty when a guard refused it (the contact is not live
     *         or was merged into another, the shop is not the account's, a new reception is above the
     *         maximum, or the balance does not cover a debit); then nothing was written
     */
    Optional<Appended> append(AccountId account, LedgerEntry e, LedgerEntry.Details details) {
        String sql = e.credits() >= 0 ? (details.isEmpty() ? INCREASE_SQL : INCREASE_WITH_DETAILS_SQL)
                : (details.isEmpty() ? DECREASE_SQL : DECREASE_WITH_DETAILS_SQL);
        return run(statement(sql, account, e, details));
    }

    /**
     * A new credit reception (credits in, or out for a partial refund) and its
     * {@code credit_reception_created} event, in one statement. {@code answer} is the reception as
     * the API shows it; the event carries it with the contact's email and balance and the shop as
     * the statement finds them.
     */
    Optional<Appended> appendReception(AccountId account, LedgerEntry e, LedgerEntry.Details details, UUID eventUuid,
                                       Object answer) {
        String sql = e.credits() >= 0 ? (details.isEmpty() ? INCREASE_EVENT_SQL : INCREASE_WITH_DETAILS_EVENT_SQL)
                : (details.isEmpty() ? DECREASE_EVENT_SQL : DECREASE_WITH_DETAILS_EVENT_SQL);
        return run(statement(sql, account, e, details)
                .param("eventUuid", eventUuid).param("eventType", EventType.CREDIT_RECEPTION_CREATED.wireName())
                .param("eventContact", e.contactId()).param("eventPayload", json.writeValueAsString(answer)));
    }

    private JdbcClient.StatementSpec statement(String sql, AccountId account, LedgerEntry e, LedgerEntry.Details details) {
        JdbcClient.StatementSpec statement = db.sql(sql)
                .param("account", account.value()).param("contact", e.contactId()).param("credits", e.credits())
                .param("received", e.receivedCredits()).param("now", Timestamp.from(e.createdAt()))
                .param("id", e.id()).param("type", e.type()).param("shop", e.shopId()).param("unit", e.unitId())
                .param("unitValue", e.unitValue()).param("reward", e.rewardId()).param("reverses", e.reversesId())
                .param("pos", e.posTransactionId()).param("channel", e.channel()).param("capped", e.isNewReception());
        if (!details.isEmpty()) {
            statement = statement.param("identifier", details.contactIdentifierValue())
                    .param("attributes", json.writeValueAsString(details.attributes()));
        }
        return statement;
    }

    private static Optional<Appended> run(JdbcClient.StatementSpec statement) {
        return statement.query((rs, n) -> new Appended(rs.getLong("balance"), rs.getString("email"),
                AccountCatalog.shopFrom(rs))).optional();
    }

    Optional<LedgerEntry> find(AccountId account, UUID id) {
        return db.sql("SELECT " + COLUMNS + FROM + " AND l.id = :id")
                .param("account", account.value()).param("id", id).query(this::map).optional();
    }

    /** The reversal of a transaction, if it has one. */
    Optional<UUID> reversalOf(AccountId account, UUID id) {
        return db.sql("SELECT id FROM loyalty_transactions WHERE account_id = :account AND reverses_id = :id")
                .param("account", account.value()).param("id", id).query(UUID.class).optional();
    }

    /** Reward receptions of a reward by any of these contacts (one merged contact) that were not reversed. */
    long claims(AccountId account, Collection<UUID> contacts, UUID reward) {
        if (contacts.isEmpty()) {
            return 0;
        }
        return db.sql(openClaims(":reward"))
                .param("account", account.value()).param("contacts", contacts).param("reward", reward)
                .query(Long.class).single();
    }

    /** Counts the unreversed reward receptions of {@code reward} by the contacts bound to {@code :contacts}. */
    static String openClaims(String reward) {
        return """
                SELECT count(*) FROM loyalty_transactions r
                WHERE r.account_id = :account AND r.reward_id = %s AND r.type = 'reward_reception'
                  AND r.contact_id IN (:contacts)
                  AND NOT EXISTS (SELECT 1 FROM loyalty_transactions v
                                  WHERE v.account_id = r.account_id AND v.reverses_id = r.id)
                """.formatted(reward);
    }

    /** The unreversed reward receptions of PHYSICAL rewards by these contacts (one merged contact), oldest first. */
    List<LedgerEntry> collectable(AccountId account, Collection<UUID> contacts) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        return db.sql("SELECT " + COLUMNS + FROM + """
                         AND l.contact_id IN (:contacts) AND l.type = 'reward_reception'
                         AND EXISTS (SELECT 1 FROM reward_reception_states s
                                     WHERE s.account_id = l.account_id AND s.transaction_id = l.id
                                       AND s.reward_type = 'PHYSICAL' AND s.reversed_at IS NULL)
                        ORDER BY l.created_at, l.id""")
                .param("account", account.value()).param("contacts", contacts).query(this::map).list();
    }

    /** Filters of GET /loyalty-transactions; null means "any". */
    record Filter(String type, UUID shop, Collection<UUID> contacts) {
    }

    record Page(List<LedgerEntry> entries, long total) {
    }

    Page list(AccountId account, Filter filter, ListQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder(FROM);
        Map<String, Object> params = new HashMap<>(query.parameters());
        params.put("account", account.value());
        if (filter.type() != null) {
            where.append(" AND l.type = :type");
            params.put("type", filter.type());
        }
        if (filter.shop() != null) {
            where.append(" AND l.shop_id = :shop");
            params.put("shop", filter.shop());
        }
        if (filter.contacts() != null) {
            if (filter.contacts().isEmpty()) {
                return new Page(List.of(), 0);
            }
            where.append(" AND l.contact_id IN (:contacts)");
            params.put("contacts", filter.contacts());
        }
        where.append(query.createdAtSql("l.created_at"));
        long total = db.sql("SELECT count(*)" + where).params(params).query(Long.class).single();
        List<LedgerEntry> entries = db.sql("SELECT " + COLUMNS + where + query.orderBySql("l.created_at", "l.id")
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.limit()).param("offset", page.offset())
                .query(this::map).list();
        return new Page(entries, total);
    }

    Map<UUID, LedgerEntry.Details> details(AccountId account, Collection<UUID> transactions) {
        if (transactions.isEmpty()) {
            return Map.of();
        }
        Map<UUID, LedgerEntry.Details> details = new HashMap<>();
        db.sql("""
                        SELECT transaction_id, contact_identifier_value, attributes::text FROM loyalty_transaction_details
                        WHERE account_id = :account AND transaction_id IN (:ids)""")
                .param("account", account.value()).param("ids", transactions)
                .query((ResultSet rs) -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> attributes = json.readValue(rs.getString(3), Map.class);
                    details.put(rs.getObject(1, UUID.class), new LedgerEntry.Details(rs.getString(2), attributes));
                });
        return details;
    }

    /** GDPR: the personal data beside the ledger rows of these contacts; the rows themselves stay. */
    void eraseDetails(AccountId account, Collection<UUID> contacts) {
        if (!contacts.isEmpty()) {
            db.sql("DELETE FROM loyalty_transaction_details WHERE account_id = :account AND contact_id IN (:contacts)")
                    .param("account", account.value()).param("contacts", contacts).update();
        }
    }

    private LedgerEntry map(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(rs.getObject("id", UUID.class), rs.getString("type"),
                rs.getObject("contact_id", UUID.class), rs.getObject("shop_id", UUID.class), rs.getLong("credits"),
                rs.getObject("unit_id", UUID.class), rs.getObject("unit_value", BigDecimal.class),
                rs.getObject("reward_id", UUID.class), rs.getObject("reverses_id", UUID.class),
                rs.getString("pos_transaction_id"), rs.getString("channel"),
                rs.getTimestamp("created_at").toInstant());
    }
}
