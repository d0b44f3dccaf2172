package io.piggy.voucher;

import io.piggy.account.AccountId;
import io.piggy.shared.tool.InputSchema;
import io.piggy.shared.tool.Tool;
import io.piggy.shared.tool.ToolCall;
import io.piggy.shared.tool.ToolSet;
import org.springframework.stereotype.Component;

import java.util.List;

/** The promotion and voucher operations as agent tools: each runs the route's own method. */
@Component
class VoucherTools implements ToolSet {
    private final PromotionsController promotions;
    private final BatchesController batches;
    private final VouchersController vouchers;
    private final RedemptionsController redemptions;

    VoucherTools(PromotionsController promotions, BatchesController batches, VouchersController vouchers,
                 RedemptionsController redemptions) {
        this.promotions = promotions;
        this.batches = batches;
        this.vouchers = vouchers;
        this.redemptions = redemptions;
    }

    @Override
    public List<Tool> tools() {
        return List.of(
                Tool.reading("list_promotions", "List Promotions",
                        "Use when you need a promotion_uuid for vouchers: lists the account's promotions, oldest "
                                + "first (all of them, or one page with page or limit). Errors: 1003.",
                        InputSchema.object().paged(100),
                        Tool.Output.ARRAY,
                        call -> promotions.list(account(call), call.optionalInteger("page"), call.optionalInteger("limit"))),
                Tool.writing("create_promotion", "Create Promotion",
                        "Use when a campaign needs voucher codes and list_promotions has no fitting promotion: "
                                + "creates an ACTIVE promotion; then create_vouchers_batch makes its codes. "
                                + "Errors: 1003.",
                        InputSchema.object()
                                .string("name", "The promotion's name, e.g. Summer 10% off.")
                                .string("description", "What the voucher gives, as shown to people.")
                                .oneOf("type", "SINGLE_USE (default): one redemption per voucher; MULTI_USE: "
                                        + "redemptions_per_voucher each.", List.of("SINGLE_USE", "MULTI_USE"))
                                .integer("redemptions_per_voucher", "For MULTI_USE.", 1, 1_000_000_000)
                                .integer("voucher_limit", "At most this many vouchers.", 1, Long.MAX_VALUE)
                                .integer("limit_per_contact", "At most this many redemptions per contact.", 1, Integer.MAX_VALUE)
                                .integer("expiration_duration", "Seconds a voucher stays valid by default.", 1, Long.MAX_VALUE)
                                .map("attributes", "Values of promotion attributes by name.")
                                .required("name", "description"),
                        Tool.Output.OBJECT,
                        call -> promotions.create(account(call), call.body(CreatePromotionRequest.class))),
                Tool.writing("create_vouchers_batch", "Create Vouchers Batch",
                        "Use when a promotion needs voucher codes: starts generating quantity vouchers in the "
                                + "background and answers the batch PENDING at once; follow it with "
                                + "get_voucher_batch. Needs a promotion_uuid (list_promotions or create_promotion). "
                                + "Errors: 1003, 80002 promotion, 80020 promotion inactive, 80008 voucher limit, "
                                + "55031 contact.",
                        InputSchema.object()
                                .uuid("promotion_uuid", "The promotion the vouchers belong to.")
                                .integer("quantity", "How many vouchers.", 1, 5_000_000)
                                .uuid("contact_uuid", "Give every voucher to this contact.")
                                .dateTime("activation_date", "Not valid before (ISO-8601).")
                                .dateTime("expiration_date", "Not valid after (ISO-8601).")
                                .map("custom_attributes", "Voucher attribute values by name.")
                                .required("promotion_uuid", "quantity"),
                        Tool.Output.OBJECT,
                        call -> batches.create(account(call), call.body(CreateVoucherRequest.class))),
                Tool.reading("get_voucher_batch", "Get Voucher Batch",
                        "Use after create_vouchers_batch to follow it: status PENDING, PROCESSING, COMPLETED or "
                                + "FAILED and how many vouchers are generated. Needs the batch uuid. Errors: 1003, "
                                + "60013 unknown batch.",
                        InputSchema.object().uuid("batch_uuid", "The batch (from create_vouchers_batch).")
                                .required("batch_uuid"),
                        Tool.Output.OBJECT,
                        call -> batches.get(account(call), call.uuid("batch_uuid"))),
                Tool.reading("find_voucher_by_code", "Find Voucher By Code",
                        "Use when a customer shows a voucher code: finds the voucher (case-insensitive) with its "
                                + "status, validity, redemptions left and promotion. Errors: 1003, 80004 unknown code.",
                        InputSchema.object().string("code", "The voucher code.").required("code"),
                        Tool.Output.OBJECT,
                        call -> vouchers.find(account(call), call.string("code"))),
                Tool.writing("redeem_voucher", "Redeem Voucher",
                        "Use when a customer uses a voucher: redeems it once, exactly once under concurrent calls. "
                                + "Check it first with find_voucher_by_code. contact_uuid when the voucher has no "
                                + "contact; release_key when it is locked (lock_voucher). Errors: 1003, 80004 code, "
                                + "80005 redeemed, 80006 expired, 80014 not active yet, 80012 deactivated, 80017 "
                                + "locked, 80020 promotion inactive, 1019 limit per contact, 1008, 55031.",
                        InputSchema.object()
                                .string("code", "The voucher code.")
                                .uuid("contact_uuid", "Who redeems it, when the voucher has no contact.")
                                .uuid("shop_uuid", "Where it is redeemed (list_shops).")
                                .string("release_key", "The key lock_voucher answered, when it is locked.")
                                .required("code"),
                        Tool.Output.OBJECT,
                        call -> redemptions.redeem(account(call), call.body(RedeemRequest.class))),
                Tool.writing("lock_voucher", "Lock Voucher",
                        "Use when a till holds a voucher while a payment is pending: reserves it for one "
                                + "redemption for an hour and answers a release_key for redeem_voucher. Needs the "
                                + "voucher's uuid (find_voucher_by_code). Errors: 1003, 80004, 80005, 80006, 80014, "
                                + "80012, 80017 locked already, 80020.",
                        InputSchema.object().uuid("voucher_uuid", "The voucher.").required("voucher_uuid"),
                        Tool.Output.OBJECT,
                        call -> redemptions.lock(account(call), call.uuid("voucher_uuid"))));
    }

    private static AccountId account(ToolCall call) {
        return new AccountId(call.account());
    }
}
