package io.piggy.shared.api;

import org.springframework.http.HttpStatus;

/**
 * Piggy's numeric error codes, each with the HTTP status it answers with. Codes above 1400 that
 * Piggy's table lacks are our extensions for cases its docs leave open (see docs/decisions.md).
 */
public enum ErrorCode {
    INTERNAL_ERROR(1000, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error."),
    INVALID_INPUT(1003, HttpStatus.BAD_REQUEST, "Invalid input."),
    SHOP_NOT_FOUND(1008, HttpStatus.NOT_FOUND, "Shop not found."),
    MAX_CREDITS_REACHED(1015, HttpStatus.BAD_REQUEST, "Maximum amount of credits reached."),
    INSUFFICIENT_CREDITS(1017, HttpStatus.CONFLICT, "Insufficient credits."),
    REWARD_OUT_OF_STOCK(1018, HttpStatus.CONFLICT, "The stock on this reward is empty."),
    CLAIM_LIMIT_REACHED(1019, HttpStatus.CONFLICT, "You have reached your claim limit on this reward."),
    CREDIT_RECEPTION_NOT_FOUND(1028, HttpStatus.NOT_FOUND, "Credit reception not found."),
    REWARD_INACTIVE(1052, HttpStatus.CONFLICT, "Reward is inactive."),
    LOYALTY_PROGRAM_NOT_FOUND(1103, HttpStatus.NOT_FOUND, "Loyalty Program not found."),
    TOKEN_EXPIRED(3000, HttpStatus.UNAUTHORIZED, "The token is expired."),
    POS_TRANSACTION_ALREADY_LINKED(6001, HttpStatus.CONFLICT,
            "The POS transaction is already linked to a credit reception."),
    REWARD_NOT_FOUND(6003, HttpStatus.NOT_FOUND, "Reward not found."),
    NO_ACCESS_TO_ACCOUNT(7011, HttpStatus.FORBIDDEN, "User has no access to this account."),
    PASSCODE_NOT_FOUND(13010, HttpStatus.NOT_FOUND, "Passcode not found."),
    SUBSCRIPTION_TYPE_NOT_FOUND(55030, HttpStatus.NOT_FOUND, "Subscription type not found."),
    CONTACT_NOT_FOUND(55031, HttpStatus.NOT_FOUND, "Contact not found."),
    UNIT_ALREADY_EXISTS(55045, HttpStatus.CONFLICT, "Unit already exists."),
    NO_DEFAULT_UNIT(55046, HttpStatus.CONFLICT, "No default unit found."),
    CONTACT_IDENTIFIER_NOT_FOUND(60003, HttpStatus.NOT_FOUND, "Contact identifier not found."),
    CONTACT_IDENTIFIER_INACTIVE(60004, HttpStatus.CONFLICT, "Contact identifier inactive."),
    CONTACT_ALREADY_EXISTS(60005, HttpStatus.CONFLICT, "Contact already exists."),
    CONTACT_IDENTIFIER_ALREADY_EXISTS(60006, HttpStatus.CONFLICT, "Contact identifier already exists."),
    UNIT_NOT_FOUND(60007, HttpStatus.NOT_FOUND, "Unit not found."),
    ATTRIBUTE_ALREADY_EXISTS(60009, HttpStatus.CONFLICT, "Attribute already exists."),
    CONTACT_IDENTIFIER_NOT_LINKED(60011, HttpStatus.CONFLICT, "Contact identifier is not linked to a contact."),
    MODEL_NOT_FOUND(60013, HttpStatus.NOT_FOUND, "Model not found."),
    CONTACT_IDENTIFIER_ALREADY_LINKED(60014, HttpStatus.CONFLICT, "Contact identifier is already linked."),
    CONTACT_NOT_ANONYMOUS(60016, HttpStatus.CONFLICT, "Contact not anonymous."),
    PROMOTION_NOT_FOUND(80002, HttpStatus.NOT_FOUND, "Promotion not found."),
    VOUCHER_ALREADY_EXISTS(80003, HttpStatus.CONFLICT, "Voucher already exists."),
    VOUCHER_NOT_FOUND(80004, HttpStatus.NOT_FOUND, "Voucher not found."),
    VOUCHER_ALREADY_REDEEMED(80005, HttpStatus.CONFLICT, "Voucher code has already been redeemed."),
    VOUCHER_EXPIRED(80006, HttpStatus.CONFLICT, "Voucher has expired."),
    VOUCHER_LIMIT_REACHED(80008, HttpStatus.CONFLICT, "Voucher limit reached."),
    VOUCHER_DEACTIVATED(80012, HttpStatus.CONFLICT, "Voucher is deactivated."),
    VOUCHER_INACTIVE(80014, HttpStatus.CONFLICT, "Voucher is inactive."),
    VOUCHER_LOCKED(80017, HttpStatus.CONFLICT, "Voucher is already locked."),
    VOUCHER_NOT_ENOUGH_REDEMPTIONS(80019, HttpStatus.CONFLICT, "Voucher doesn't have enough redemptions left."),
    PROMOTION_INACTIVE(80020, HttpStatus.CONFLICT, "Promotion is inactive."),
    WEBHOOK_SUBSCRIPTION_NOT_FOUND(80300, HttpStatus.NOT_FOUND, "Webhook subscription not found."),
    REWARD_NOT_COLLECTABLE(80300, HttpStatus.CONFLICT, "This reward is collected, reversed or expired."),
    PERK_NOT_FOUND(110000, HttpStatus.NOT_FOUND, "Perk not found."),
    UNAUTHENTICATED(1401, HttpStatus.UNAUTHORIZED, "Unauthenticated."),
    ROUTE_NOT_FOUND(1404, HttpStatus.NOT_FOUND, "Route not found."),
    METHOD_NOT_ALLOWED(1405, HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed."),
    IDEMPOTENCY_KEY_REUSED(1409, HttpStatus.CONFLICT,
            "This Idempotency-Key was used before with another request body."),
    ALREADY_REVERSED(1410, HttpStatus.CONFLICT, "This transaction has been reversed already."),
    REQUEST_TIMEOUT(1408, HttpStatus.REQUEST_TIMEOUT, "The request body did not arrive in time."),
    PAYLOAD_TOO_LARGE(1413, HttpStatus.CONTENT_TOO_LARGE, "The request body is too large."),
    TOO_MANY_REQUESTS(1429, HttpStatus.TOO_MANY_REQUESTS, "Too many requests."),
    MAINTENANCE(1503, HttpStatus.SERVICE_UNAVAILABLE, "Piggy system is in maintenance mode.");

    private final int code;
    private final HttpStatus status;
    private final String defaultMessage;

    ErrorCode(int code, HttpStatus status, String defaultMessage) {
        this.code = code;
        this.status = status;
        this.defaultMessage = defaultMessage;
    }

    public int code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
