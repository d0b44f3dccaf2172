package io.piggy.mcp;

import io.piggy.shared.api.ErrorCode;

import java.util.EnumMap;
import java.util.Map;

/** What an agent should do after a refusal, by Piggy's code: the tool to call, or what to change. */
final class NextSteps {
    private static final Map<ErrorCode, String> STEPS = new EnumMap<>(ErrorCode.class);

    static {
        STEPS.put(ErrorCode.INVALID_INPUT, "fix the arguments named in errors and call again");
        STEPS.put(ErrorCode.CONTACT_NOT_FOUND, "call find_or_create_contact first (or list_contacts to search)");
        STEPS.put(ErrorCode.SHOP_NOT_FOUND, "call list_shops for a shop_uuid of this account");
        STEPS.put(ErrorCode.UNIT_NOT_FOUND, "leave unit_name out to use the default unit");
        STEPS.put(ErrorCode.NO_DEFAULT_UNIT, "send credits instead of unit_value, or have a default unit set up");
        STEPS.put(ErrorCode.CONTACT_IDENTIFIER_NOT_FOUND, "leave contact_identifier_value out, or use a known identifier");
        STEPS.put(ErrorCode.MAX_CREDITS_REACHED, "give fewer credits per reception");
        STEPS.put(ErrorCode.INSUFFICIENT_CREDITS, "call get_contact_credit_balance; the contact has fewer credits");
        STEPS.put(ErrorCode.CREDIT_RECEPTION_NOT_FOUND, "call list_loyalty_transactions for the uuid of a credit reception");
        STEPS.put(ErrorCode.ALREADY_REVERSED, "nothing to do: it was reversed before");
        STEPS.put(ErrorCode.REWARD_NOT_FOUND, "call list_rewards for a reward_uuid");
        STEPS.put(ErrorCode.REWARD_INACTIVE, "choose an active reward from list_rewards");
        STEPS.put(ErrorCode.REWARD_OUT_OF_STOCK, "choose another reward from list_rewards");
        STEPS.put(ErrorCode.CLAIM_LIMIT_REACHED, "choose another reward from list_rewards");
        STEPS.put(ErrorCode.CONTACT_NOT_ANONYMOUS, "nothing to claim: call get_contact to see the contact");
        STEPS.put(ErrorCode.ATTRIBUTE_ALREADY_EXISTS, "use the existing attribute (read resource piggy://contact-attributes)");
        STEPS.put(ErrorCode.PROMOTION_NOT_FOUND, "call list_promotions, or create_promotion first");
        STEPS.put(ErrorCode.PROMOTION_INACTIVE, "choose an active promotion from list_promotions");
        STEPS.put(ErrorCode.VOUCHER_NOT_FOUND, "check the code with find_voucher_by_code; vouchers come from create_vouchers_batch");
        STEPS.put(ErrorCode.VOUCHER_ALREADY_REDEEMED, "nothing to redeem: the voucher is used up");
        STEPS.put(ErrorCode.VOUCHER_NOT_ENOUGH_REDEMPTIONS, "nothing to redeem: the voucher is used up");
        STEPS.put(ErrorCode.VOUCHER_EXPIRED, "the voucher can no longer be used; issue a new one with create_vouchers_batch");
        STEPS.put(ErrorCode.VOUCHER_INACTIVE, "the voucher is not active yet or switched off; see find_voucher_by_code");
        STEPS.put(ErrorCode.VOUCHER_DEACTIVATED, "the voucher was switched off; issue a new one with create_vouchers_batch");
        STEPS.put(ErrorCode.VOUCHER_LOCKED, "another till holds the voucher: wait for the lock to end, or redeem it from there");
        STEPS.put(ErrorCode.VOUCHER_LIMIT_REACHED, "the promotion has no vouchers left; raise its voucher_limit or use another");
        STEPS.put(ErrorCode.PERK_NOT_FOUND, "call list_perks for a perk_uuid");
        STEPS.put(ErrorCode.MODEL_NOT_FOUND, "check the uuid: it names nothing of this account");
        STEPS.put(ErrorCode.IDEMPOTENCY_KEY_REUSED, "use a new idempotency_key for a new request");
        STEPS.put(ErrorCode.POS_TRANSACTION_ALREADY_LINKED, "nothing to do: that POS transaction has its credits");
        STEPS.put(ErrorCode.MAINTENANCE, "retry in a few seconds; nothing was done");
        STEPS.put(ErrorCode.INTERNAL_ERROR, "retry; if it persists, report it");
    }

    private NextSteps() {
    }

    static String of(ErrorCode code) {
        return STEPS.getOrDefault(code, "read the message, change the request and call again");
    }
}
