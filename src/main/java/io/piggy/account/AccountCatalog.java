package io.piggy.account;

import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What other features need of an account's set-up beyond a shop check ({@link ShopDirectory}): its
 * shops, its units and its loyalty program. Shops and units are never deleted, so an id found here
 * stays valid.
 */
@Service
public class AccountCatalog {
    private final Shops shops;
    private final Units units;
    private final JdbcClient db;

    AccountCatalog(Shops shops, Units units, JdbcClient db) {
        this.shops = shops;
        this.units = units;
        this.db = db;
    }

    /**
     * A query with one row when {@code :shop} is a shop of {@code :account}: the shop's columns (read
     * them with {@link #shopFrom}) and {@code max_amount}, the program's maximum per reception. For
     * the credits ledger, which checks the shop inside its own write statement (one round trip per
     * reception); the account feature owns it, so it changes with these tables.
     */
    public static final String RECEPTION_SHOP_SQL = """
            SELECT s.id AS shop_uuid, s.display_id AS shop_id, s.name AS shop_name, s.type AS shop_type,
                   s.reference AS shop_reference, p.max_amount
            FROM shops s JOIN loyalty_programs p ON p.account_id = s.account_id
            WHERE s.account_id = :account AND s.id = :shop""";

    public static ShopResponse shopFrom(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ShopResponse(rs.getLong("shop_id"), rs.getObject("shop_uuid", UUID.class),
                rs.getString("shop_name"), rs.getString("shop_type"), rs.getString("shop_reference"));
    }

    /** The loyalty program; {@code maxAmount} is the most credits one reception may give (null: no limit). */
    public record Program(long id, String name, Long maxAmount, String customCreditName) {
    }

    /** A shop with the program it earns in and, when asked for, a unit. */
    public record ShopContext(ShopResponse shop, Program program, UnitResponse unit) {
    }

    private static final String SHOP_CONTEXT = """
            SELECT s.id AS shop_uuid, s.display_id AS shop_id, s.name AS shop_name, s.type AS shop_type,
                   s.reference AS shop_reference,
                   p.display_id AS program_id, p.name AS program_name, p.max_amount, p.custom_credit_name,
                   u.display_id AS unit_id, u.id AS unit_uuid, u.name AS unit_name, u.label AS unit_label,
                   u.prefix AS unit_prefix, u.is_default AS unit_is_default, u.created_at AS unit_created_at,
                   u.updated_at AS unit_updated_at
            FROM shops s
            JOIN loyalty_programs p ON p.account_id = s.account_id
            LEFT JOIN units u ON u.account_id = s.account_id AND CAST(:withUnit AS boolean)
                             AND (u.name = CAST(:unit AS text) OR (CAST(:unit AS text) IS NULL AND u.is_default))
            WHERE s.account_id = :account AND s.id = :shop""";

    /**
     * The shop (1008), its program and, with {@code withUnit}, the unit named {@code unitName} or the
     * default unit when that is null (60007 / 55046): everything a reception needs, in one read.
     */
    public ShopContext requireShopContext(AccountId account, UUID shop, boolean withUnit, String unitName) {
        ShopContext context = db.sql(SHOP_CONTEXT)
                .param("account", account.value()).param("shop", shop).param("withUnit", withUnit).param("unit", unitName)
                .query((rs, n) -> new ShopContext(shopFrom(rs),
                        new Program(rs.getLong("program_id"), rs.getString("program_name"),
                                (Long) rs.getObject("max_amount"), rs.getString("custom_credit_name")),
                        rs.getObject("unit_uuid") == null ? null : new UnitResponse(rs.getLong("unit_id"),
                                rs.getObject("unit_uuid", UUID.class), rs.getLong("program_id"), rs.getString("unit_name"),
                                rs.getString("unit_label"), rs.getString("unit_prefix"), rs.getBoolean("unit_is_default"),
                                null, rs.getTimestamp("unit_created_at").toInstant(),
                                rs.getTimestamp("unit_updated_at").toInstant())))
                .optional().orElseThrow(ShopDirectory::notFound);
        if (withUnit && context.unit() == null) {
            requireUnit(account, unitName); // says which of 60007 and 55046
        }
        return context;
    }


    /** Shops by id; ids that are not this account's are left out. */
    public Map<UUID, ShopResponse> shops(AccountId account, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return shops.all(account).stream().filter(s -> ids.contains(s.uuid()))
                .collect(Collectors.toMap(ShopResponse::uuid, Function.identity()));
    }

    public Map<UUID, UnitResponse> unitsById(AccountId account) {
        return units.all(account).stream().collect(Collectors.toMap(UnitResponse::uuid, Function.identity()));
    }

    /** The unit of that name, or the default unit when the name is null (60007 / 55046 otherwise). */
    public UnitResponse requireUnit(AccountId account, String name) {
        if (name == null) {
            return units.defaultUnit(account).orElseThrow(() -> new ApiException(ErrorCode.NO_DEFAULT_UNIT,
                    "This loyalty program has no default unit. Send unit_name, or make a unit the default."));
        }
        return units.byName(account, name).orElseThrow(() -> new ApiException(ErrorCode.UNIT_NOT_FOUND,
                "Unit '" + name + "' not found. List the units with GET /units."));
    }

    public Program program(AccountId account) {
        return db.sql("""
                        SELECT display_id, name, max_amount, custom_credit_name FROM loyalty_programs
                        WHERE account_id = :account""")
                .param("account", account.value())
                .query((rs, n) -> new Program(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4)))
                .optional().orElseThrow(() -> new ApiException(ErrorCode.LOYALTY_PROGRAM_NOT_FOUND));
    }

    /** @param maxAmount the most credits one reception may give, or null for no limit */
    public void setMaxAmount(AccountId account, Long maxAmount) {
        db.sql("UPDATE loyalty_programs SET max_amount = :max WHERE account_id = :account")
                .param("max", maxAmount).param("account", account.value()).update();
    }

    public Optional<UnitResponse> defaultUnit(AccountId account) {
        return units.defaultUnit(account);
    }

    public List<UnitResponse> units(AccountId account) {
        return units.all(account);
    }
}
