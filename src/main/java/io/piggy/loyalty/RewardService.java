package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.account.ShopDirectory;
import io.piggy.contact.ContactDirectory;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.api.WholeNumbers;
import io.piggy.shared.events.EventType;
import io.piggy.shared.events.Events;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Rewards: create (extension), read, list (all, or what one contact can claim now), update. */
@Service
class RewardService {
    private final Rewards rewards;
    private final Balances balances;
    private final ShopDirectory shops;
    private final ContactDirectory contacts;
    private final RewardAttributeService attributes;
    private final Events events;

    RewardService(Rewards rewards, Balances balances, ShopDirectory shops, ContactDirectory contacts,
                  RewardAttributeService attributes, Events events) {
        this.events = events;
        this.rewards = rewards;
        this.balances = balances;
        this.shops = shops;
        this.contacts = contacts;
        this.attributes = attributes;
    }

    Reward create(AccountId account, CreateRewardRequest r) {
        return rewards.create(account, new Rewards.Fields(r.title().trim(), r.description(),
                WholeNumbers.atLeast("required_credits", r.requiredCredits(), 0), rewardType(r.type(), Reward.PHYSICAL),
                WholeNumbers.atLeast("stock", r.stock(), 0), r.active() == null || r.active(),
                WholeNumbers.atLeast("limit_per_contact", r.limitPerContact(), 1),
                WholeNumbers.atLeast("expiration_duration", r.expirationDuration(), 1), media(r.media()),
                attributes.check(account, values(r.attributes(), r.otherFields()))));
    }

    Reward require(AccountId account, UUID id) {
        return rewards.find(account, id).orElseThrow(() -> new ApiException(ErrorCode.REWARD_NOT_FOUND,
                "Reward " + id + " not found."));
    }

    /** Every reward; with a contact, only those it can claim now (active, in stock, affordable, under its limit). */
    List<Reward> list(AccountId account, UUID shop, UUID contact) {
        if (shop != null) {
            shops.require(account, shop);
        }
        if (contact == null) {
            return rewards.all(account);
        }
        contacts.require(account, contact);
        List<UUID> members = balances.members(account, contact);
        return members.isEmpty() ? List.of() : rewards.claimable(account, members, balances.balance(account, contact));
    }

    /** With its reward_updated event, in one transaction (a reception's stock change is no update). */
    @Transactional
    Reward update(AccountId account, UUID id, UpdateRewardRequest r) {
        Reward current = require(account, id);
        String type = rewardType(r.type(), current.rewardType());
        if (current.pooled() && r.stock() != null) {
            throw ApiException.invalidField("stock", "This reward's stock is its free codes; add codes with "
                    + "POST /rewards/{uuid}/codes instead of setting a stock.");
        }
        if (current.pooled() && !type.equals(current.rewardType())) {
            throw ApiException.invalidField("type", "This reward has codes, so it stays DIGITAL.");
        }
        Rewards.Fields fields = new Rewards.Fields(
                r.title() == null ? current.title() : r.title().trim(),
                r.description() == null ? current.description() : r.description(),
                r.requiredCredits() == null ? current.requiredCredits()
                        : WholeNumbers.atLeast("required_credits", r.requiredCredits(), 0),
                type,
                r.stock() == null ? current.stock() : WholeNumbers.removable("stock", r.stock(), 0),
                r.active() == null ? current.active() : r.active(),
                r.limitPerContact() == null ? current.limitPerContact() : WholeNumbers.removable("limit_per_contact", r.limitPerContact(), 1),
                r.expirationDuration() == null ? current.expirationDuration()
                        : WholeNumbers.removable("expiration_duration", r.expirationDuration(), 1),
                r.media() == null ? current.media() : media(r.media()),
                attributes.check(account, values(r.attributes(), r.otherFields())));
        Reward updated = rewards.update(account, id, fields).orElseThrow(() -> new ApiException(ErrorCode.REWARD_NOT_FOUND));
        events.record(account.value(), EventType.REWARD_UPDATED, RewardResponse.of(updated));
        return updated;
    }

    /**
     * Attribute values by name: those of the {@code attributes} object and the request's other
     * fields. The reward's own keys, sent back by clients that echo what they read (the PHP SDK
     * does), are not attribute values.
     */
    private static Map<String, Object> values(Map<String, Object> attributes, Map<String, Object> otherFields) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (attributes != null) {
            values.putAll(attributes);
        }
        if (otherFields != null) {
            values.putAll(otherFields);
        }
        values.keySet().removeAll(RewardResponse.OWN_KEYS);
        return values;
    }

    private static String rewardType(String given, String fallback) {
        if (given == null || given.isBlank()) {
            return fallback;
        }
        String type = given.trim().toUpperCase(Locale.ROOT);
        if (!type.equals(Reward.PHYSICAL) && !type.equals(Reward.DIGITAL)) {
            throw ApiException.invalidField("type", "The type must be PHYSICAL or DIGITAL.");
        }
        return type;
    }

    private static Reward.Media media(JsonNode node) {
        if (node == null || node.isNull() || (node.isString() && node.asString().isBlank())) {
            return null;
        }
        if (node.isString()) {
            return new Reward.Media("image", node.asString().trim());
        }
        if (node.isObject() && node.path("value").isString() && !node.path("value").asString().isBlank()) {
            String type = node.path("type").isString() ? node.path("type").asString() : "image";
            return new Reward.Media(type, node.path("value").asString());
        }
        throw ApiException.invalidField("media", "The media must be {type, value} or an image URL.");
    }
}
