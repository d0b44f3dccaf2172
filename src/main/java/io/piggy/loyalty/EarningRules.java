package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.shared.db.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

@Repository
class EarningRules {
    private final JdbcClient db;
    private final Clock clock;

    EarningRules(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    List<EarningRule> all(AccountId account) {
        return db.sql("""
                        SELECT unit_id, shop_id, credits, unit_value, rounding FROM earning_rules
                        WHERE account_id = :account ORDER BY created_at, id""")
                .param("account", account.value()).query(EarningRules::map).list();
    }

    /** The shop's own rule for the unit, else the unit's rule, else the default. */
    EarningRule ruleFor(AccountId account, UUID unit, UUID shop) {
        return db.sql("""
                        SELECT unit_id, shop_id, credits, unit_value, rounding FROM earning_rules
                        WHERE account_id = :account AND unit_id = :unit AND (shop_id = :shop OR shop_id IS NULL)
                        ORDER BY shop_id NULLS LAST LIMIT 1""")
                .param("account", account.value()).param("unit", unit).param("shop", shop)
                .query(EarningRules::map).optional().orElse(EarningRule.defaultFor(unit));
    }

    /** Replaces every rule of the account (call in a transaction). */
    void replaceAll(AccountId account, List<EarningRule> rules) {
        db.sql("DELETE FROM earning_rules WHERE account_id = :account").param("account", account.value()).update();
        Timestamp now = Timestamp.from(clock.instant());
        for (EarningRule rule : rules) {
            db.sql("""
                            INSERT INTO earning_rules (account_id, id, unit_id, shop_id, credits, unit_value, rounding, created_at)
                            VALUES (:account, :id, :unit, :shop, :credits, :unitValue, :rounding, :now)""")
                    .param("account", account.value()).param("id", Ids.next(clock)).param("unit", rule.unitId())
                    .param("shop", rule.shopId()).param("credits", rule.credits()).param("unitValue", rule.unitValue())
                    .param("rounding", rule.rounding().name()).param("now", now).update();
        }
    }

    private static EarningRule map(ResultSet rs, int row) throws SQLException {
        return new EarningRule(rs.getObject("unit_id", UUID.class), rs.getObject("shop_id", UUID.class),
                rs.getLong("credits"), rs.getObject("unit_value", BigDecimal.class),
                Rounding.valueOf(rs.getString("rounding")));
    }
}
