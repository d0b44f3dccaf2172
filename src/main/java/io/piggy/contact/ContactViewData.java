package io.piggy.contact;

import io.piggy.account.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the Contact object needs beyond the contact row (subscription types and choices, default
 * identifiers, tiers), read in one round trip: GET /contacts/{uuid} is the hottest read.
 */
@Repository
class ContactViewData {
    private final JdbcClient db;
    private final JsonMapper json;

    ContactViewData(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    record Data(List<SubscriptionTypes.SubscriptionType> subscriptionTypes, Map<UUID, Map<UUID, String>> statuses,
                Map<UUID, String> defaultIdentifiers, List<Tier> tiers) {
    }

    Data of(AccountId account, Collection<UUID> contacts) {
        return db.sql("""
                        SELECT
                          (SELECT json_agg(json_build_object('id', t.id, 'display_id', t.display_id, 'name', t.name,
                                  'description', t.description, 'active', t.active, 'strategy', t.strategy) ORDER BY t.id)
                           FROM subscription_types t WHERE t.account_id = :account) AS types,
                          (SELECT json_agg(json_build_object('contact', s.contact_id, 'type', s.subscription_type_id,
                                  'status', s.status))
                           FROM contact_subscriptions s WHERE s.account_id = :account AND s.contact_id IN (:contacts)) AS statuses,
                          (SELECT json_agg(json_build_object('contact', d.contact_id, 'value', d.value))
                           FROM (SELECT DISTINCT ON (i.contact_id) i.contact_id, i.value FROM contact_identifiers i
                                 WHERE i.account_id = :account AND i.contact_id IN (:contacts)
                                 ORDER BY i.contact_id, i.linked_at, i.id) d) AS identifiers,
                          (SELECT json_agg(json_build_object('id', r.id, 'display_id', r.display_id, 'name', r.name,
                                  'description', r.description, 'position', r.position, 'threshold', r.threshold)
                                  ORDER BY r.position)
                           FROM tiers r WHERE r.account_id = :account) AS tiers""")
                .param("account", account.value()).param("contacts", contacts)
                .query((rs, n) -> new Data(types(rs.getString("types")), statuses(rs.getString("statuses")),
                        identifiers(rs.getString("identifiers")), tiers(rs.getString("tiers"))))
                .single();
    }

    private List<JsonNode> rows(String text) {
        List<JsonNode> rows = new ArrayList<>();
        if (text != null) {
            json.readTree(text).forEach(rows::add);
        }
        return rows;
    }

    private List<SubscriptionTypes.SubscriptionType> types(String text) {
        return rows(text).stream().map(t -> new SubscriptionTypes.SubscriptionType(uuid(t, "id"),
                t.get("display_id").asLong(), t.get("name").asString(), string(t, "description"),
                t.get("active").asBoolean(), SubscriptionTypes.Strategy.valueOf(t.get("strategy").asString()))).toList();
    }

    private Map<UUID, Map<UUID, String>> statuses(String text) {
        Map<UUID, Map<UUID, String>> statuses = new HashMap<>();
        rows(text).forEach(s -> statuses.computeIfAbsent(uuid(s, "contact"), k -> new HashMap<>())
                .put(uuid(s, "type"), s.get("status").asString()));
        return statuses;
    }

    private Map<UUID, String> identifiers(String text) {
        Map<UUID, String> values = new HashMap<>();
        rows(text).forEach(i -> values.put(uuid(i, "contact"), i.get("value").asString()));
        return values;
    }

    private List<Tier> tiers(String text) {
        return rows(text).stream().map(t -> new Tier(uuid(t, "id"), t.get("display_id").asLong(), t.get("name").asString(),
                string(t, "description"), t.get("position").asInt(), t.get("threshold").asLong())).toList();
    }

    private static UUID uuid(JsonNode node, String field) {
        return UUID.fromString(node.get(field).asString());
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
