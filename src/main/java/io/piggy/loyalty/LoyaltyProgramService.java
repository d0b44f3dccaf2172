package io.piggy.loyalty;

import io.piggy.account.AccountCatalog;
import io.piggy.account.AccountId;
import io.piggy.account.ShopDirectory;
import io.piggy.account.UnitResponse;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.WholeNumbers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The loyalty program with its earning rules: every unit has one (its own or the default), shops may override. */
@Service
class LoyaltyProgramService {
    private final AccountCatalog catalog;
    private final ShopDirectory shops;
    private final EarningRules rules;
    private final TransactionTemplate tx;

    LoyaltyProgramService(AccountCatalog catalog, ShopDirectory shops, EarningRules rules, TransactionTemplate tx) {
        this.catalog = catalog;
        this.shops = shops;
        this.rules = rules;
        this.tx = tx;
    }

    LoyaltyProgramResponse get(AccountId account) {
        AccountCatalog.Program program = catalog.program(account);
        List<UnitResponse> units = catalog.units(account);
        List<EarningRule> stored = rules.all(account);
        List<LoyaltyProgramResponse.Rule> shown = new ArrayList<>();
        for (UnitResponse unit : units) {
            EarningRule general = stored.stream().filter(r -> r.unitId().equals(unit.uuid()) && r.shopId() == null)
                    .findFirst().orElse(EarningRule.defaultFor(unit.uuid()));
            shown.add(view(unit, general));
            stored.stream().filter(r -> r.unitId().equals(unit.uuid()) && r.shopId() != null)
                    .forEach(r -> shown.add(view(unit, r)));
        }
        LoyaltyProgramResponse.Unit unit = units.stream().filter(UnitResponse::isDefault).findFirst()
                .map(u -> new LoyaltyProgramResponse.Unit(u.name(), u.label(), u.prefix())).orElse(null);
        long maxAmount = program.maxAmount() == null ? 0 : program.maxAmount();
        return new LoyaltyProgramResponse(program.id(), program.name(), maxAmount, program.customCreditName(),
                unit, shown);
    }

    LoyaltyProgramResponse update(AccountId account, UpdateLoyaltyProgramRequest request) {
        Long maxAmount = request.maxAmount() == null ? null : maxAmount(request.maxAmount());
        List<EarningRule> newRules = request.earningRules() == null ? null : rules(account, request.earningRules());
        tx.executeWithoutResult(status -> {
            if (request.maxAmount() != null) {
                catalog.setMaxAmount(account, maxAmount);
            }
            if (newRules != null) {
                rules.replaceAll(account, newRules);
            }
        });
        return get(account);
    }

    /** null, "" and 0 mean no maximum. */
    private static Long maxAmount(JsonNode node) {
        Long max = WholeNumbers.removable("max_amount", node, 0);
        return max == null || max == 0 ? null : max;
    }

    private List<EarningRule> rules(AccountId account, List<UpdateLoyaltyProgramRequest.Rule> given) {
        Map<String, UnitResponse> units = new java.util.HashMap<>();
        catalog.units(account).forEach(u -> units.put(u.name(), u));
        Set<String> seen = new HashSet<>();
        List<EarningRule> result = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            UpdateLoyaltyProgramRequest.Rule r = given.get(i);
            String at = "earning_rules." + i + ".";
            UnitResponse unit = units.get(r.unitName().trim());
            if (unit == null) {
                catalog.requireUnit(account, r.unitName().trim()); // 60007 with the usual message
            }
            UUID shop = r.shopUuid() == null ? null : shops.require(account, r.shopUuid()).uuid();
            if (!seen.add(unit.name() + "/" + shop)) {
                throw ApiException.invalidField(at + "shop_uuid",
                        "Unit " + unit.name() + " has two rules for " + (shop == null ? "every shop" : "shop " + shop) + ".");
            }
            long credits = WholeNumbers.atLeast(at + "credits", r.credits(), 0);
            BigDecimal per = r.unitValue() == null ? EarningRule.DEFAULT_UNIT_VALUE : r.unitValue();
            if (per.signum() <= 0) {
                throw ApiException.invalidField(at + "unit_value", "The unit_value of a rule must be more than 0.");
            }
            result.add(new EarningRule(unit.uuid(), shop, credits, per, rounding(at, r.rounding())));
        }
        return result;
    }

    private static Rounding rounding(String at, String given) {
        if (given == null || given.isBlank()) {
            return Rounding.DOWN;
        }
        try {
            return Rounding.valueOf(given.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(at + "rounding", "The rounding must be DOWN, UP or HALF_UP.");
        }
    }

    private static LoyaltyProgramResponse.Rule view(UnitResponse unit, EarningRule r) {
        return new LoyaltyProgramResponse.Rule(unit.name(), r.shopId(), r.credits(), r.unitValue(), r.rounding());
    }
}
