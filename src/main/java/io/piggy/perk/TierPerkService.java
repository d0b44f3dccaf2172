package io.piggy.perk;

import io.piggy.account.AccountId;
import io.piggy.contact.Tier;
import io.piggy.contact.TierService;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.api.FieldErrors;
import io.piggy.shared.attribute.BooleanWords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What tiers give: a value per perk, checked against the perk's options. A tier without a value
 * for a perk, or whose value's option was removed since, gives the perk's default.
 */
@Service
class TierPerkService {
    private final PerkCatalog perks;
    private final TierPerkValues values;
    private final TierService tiers;
    private final TransactionTemplate tx;

    TierPerkService(PerkCatalog perks, TierPerkValues values, TierService tiers, TransactionTemplate tx) {
        this.perks = perks;
        this.values = values;
        this.tiers = tiers;
        this.tx = tx;
    }

    /** Every perk with what this tier gives. 60013 when the account has no such tier. */
    List<PerkValueResponse> ofTier(AccountId account, UUID tier) {
        requireTier(account, tier);
        return resolve(perks.all(account), values.of(account, tier));
    }

    /** Every perk with what the contact's tier gives, or the defaults when it is in none. 55031 unknown contact. */
    List<PerkValueResponse> ofContact(AccountId account, UUID contact) {
        Optional<Tier> tier = tiers.tierOf(account, contact);
        return resolve(perks.all(account), tier.map(t -> values.of(account, t.uuid())).orElse(Map.of()));
    }

    /** Sets the values given (null: back to the default); the tier's other perks keep theirs. */
    List<PerkValueResponse> set(AccountId account, UUID tier, TierPerksRequest request) {
        requireTier(account, tier);
        List<TierPerkValueRequest> items = request.items();
        FieldErrors errors = new FieldErrors();
        List<Perk> named = perks.all(account);
        Map<Integer, UUID> perkOf = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            TierPerkValueRequest item = items.get(i);
            if (item == null || (item.perkUuid() == null && (item.name() == null || item.name().isBlank()))) {
                errors.add(request.prefix(i) + "perk_uuid", "Name the perk by perk_uuid or by name.");
            } else {
                perkOf.put(i, find(named, item).uuid());
            }
        }
        errors.throwIfAny();
        return tx.execute(status -> {
            values.lockPerks(account, perkOf.values());
            Map<UUID, Perk> current = new LinkedHashMap<>();
            perks.all(account).forEach(p -> current.put(p.uuid(), p));
            Map<UUID, Optional<String>> chosen = new LinkedHashMap<>();
            perkOf.forEach((i, id) -> {
                Perk perk = Optional.ofNullable(current.get(id)).orElseThrow(() -> notFound(id.toString()));
                Object raw = items.get(i).value();
                Optional<String> value = raw == null ? Optional.empty() : value(perk, raw);
                if (raw != null && value.isEmpty()) {
                    errors.add(request.prefix(i) + "value", "Send one of the values of the perk " + perk.name() + ": "
                            + String.join(", ", perk.options().stream().map(PerkOption::value).toList())
                            + " (or null for its default).");
                }
                chosen.put(id, value);
            });
            errors.throwIfAny();
            chosen.forEach((perk, value) -> value.ifPresentOrElse(v -> values.set(account, tier, perk, v),
                    () -> values.clear(account, tier, perk)));
            return resolve(List.copyOf(current.values()), values.of(account, tier));
        });
    }

    private static Perk find(List<Perk> all, TierPerkValueRequest item) {
        Optional<Perk> perk = all.stream().filter(p -> item.perkUuid() != null ? p.uuid().equals(item.perkUuid())
                : p.name().equals(item.name().trim())).findFirst();
        if (perk.isPresent() && item.perkUuid() != null && item.name() != null && !item.name().isBlank()
                && !perk.get().name().equals(item.name().trim())) {
            throw ApiException.invalidField("name", "The perk " + item.perkUuid() + " is named " + perk.get().name()
                    + ", not " + item.name().trim() + ". Send one of perk_uuid and name.");
        }
        return perk.orElseThrow(() -> notFound(item.perkUuid() != null ? item.perkUuid().toString()
                : "named " + item.name().trim()));
    }

    private static ApiException notFound(String perk) {
        return new ApiException(ErrorCode.PERK_NOT_FOUND, "No perk " + perk + " in this account.");
    }

    /** The option value meant, if the perk has it: booleans in any of the {@link BooleanWords}. */
    private static Optional<String> value(Perk perk, Object raw) {
        if (raw instanceof Map<?, ?> || raw instanceof List<?>) {
            return Optional.empty();
        }
        String text = String.valueOf(raw).trim();
        if (perk.dataType() == PerkDataType.BOOLEAN) {
            text = BooleanWords.parse(text).map(String::valueOf).orElse(text);
        }
        return perk.option(text).map(PerkOption::value);
    }

    private static List<PerkValueResponse> resolve(List<Perk> all, Map<UUID, String> tierValues) {
        return all.stream().map(perk -> Optional.ofNullable(tierValues.get(perk.uuid())).flatMap(perk::option)
                        .map(option -> PerkValueResponse.of(perk, option, true))
                        .orElseGet(() -> PerkValueResponse.of(perk, perk.defaultOption(), false)))
                .toList();
    }

    private void requireTier(AccountId account, UUID tier) {
        if (tiers.tiers(account).stream().noneMatch(t -> t.uuid().equals(tier))) {
            throw new ApiException(ErrorCode.MODEL_NOT_FOUND, "No tier with this uuid in this account.");
        }
    }
}
