package io.piggy.voucher;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Codes generated per account and code format. A generation may take at most half of the codes
 * still free in its format, so random codes keep finding free slots quickly and a batch never
 * starts that could not finish. Explicit codes are not counted: they are few, and a collision
 * with one only costs a retry.
 */
@Repository
class CodeSpaces {
    private final JdbcClient db;

    CodeSpaces(JdbcClient db) {
        this.db = db;
    }

    /** Reserves {@code quantity} codes of the format, or refuses with 1003 (field {@code quantity}). */
    void reserve(AccountId account, CodeFormat format, long quantity) {
        db.sql("""
                        INSERT INTO voucher_code_spaces (account_id, template, charset, reserved)
                        VALUES (:account, :template, :charset, 0) ON CONFLICT DO NOTHING""")
                .param("account", account.value()).param("template", format.template())
                .param("charset", format.charset()).update();
        long reserved = db.sql("""
                        SELECT reserved FROM voucher_code_spaces
                        WHERE account_id = :account AND template = :template AND charset = :charset FOR UPDATE""")
                .param("account", account.value()).param("template", format.template())
                .param("charset", format.charset()).query(Long.class).single();
        long free = format.space() - reserved;
        if (quantity > free / 2) {
            throw ApiException.invalidField("quantity", "This code format has " + free + " free codes and a generation "
                    + "may use at most half of them (" + free / 2 + "). Use longer codes or a larger charset "
                    + "(code_options.length, code_options.charset).");
        }
        db.sql("""
                        UPDATE voucher_code_spaces SET reserved = reserved + :quantity
                        WHERE account_id = :account AND template = :template AND charset = :charset""")
                .param("account", account.value()).param("template", format.template())
                .param("charset", format.charset()).param("quantity", quantity).update();
    }

    /** Gives back codes a failed batch will not generate. */
    void release(AccountId account, String template, String charset, long quantity) {
        db.sql("""
                        UPDATE voucher_code_spaces SET reserved = GREATEST(0, reserved - :quantity)
                        WHERE account_id = :account AND template = :template AND charset = :charset""")
                .param("account", account.value()).param("template", template).param("charset", charset)
                .param("quantity", quantity).update();
    }
}
