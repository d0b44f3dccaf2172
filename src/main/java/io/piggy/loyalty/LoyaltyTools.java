package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.shared.tool.InputSchema;
import io.piggy.shared.tool.Tool;
import io.piggy.shared.tool.ToolCall;
import io.piggy.shared.tool.ToolResource;
import io.piggy.shared.tool.ToolSet;
import org.springframework.stereotype.Component;

import java.util.List;

/** The loyalty operations as agent tools: each runs the route's own method, so the rules are the routes'. */
@Component
class LoyaltyTools implements ToolSet {
    private final CreditReceptionsController receptions;
    private final CreditBalanceController balances;
    private final RewardsController rewards;
    private final RewardReceptionsController rewardReceptions;
    private final LoyaltyTransactionsController transactions;
    private final LoyaltyProgramController program;

    LoyaltyTools(CreditReceptionsController receptions, CreditBalanceController balances, RewardsController rewards,
                 RewardReceptionsController rewardReceptions, LoyaltyTransactionsController transactions,
                 LoyaltyProgramController program) {
        this.receptions = receptions;
        this.balances = balances;
        this.rewards = rewards;
        this.rewardReceptions = rewardReceptions;
        this.transactions = transactions;
        this.program = program;
    }

    @Override
    public List<Tool> tools() {
        return List.of(
                Tool.writing("create_credit_reception", "Create Credit Reception",
                        "Use when a contact earns credits, e.g. after a purchase: send unit_value (the amount spent; "
                                + "the earning rules turn it into credits) or credits (a fixed number; negative for a "
                                + "partial refund). Needs a shop_uuid (list_shops) and a contact_uuid "
                                + "(find_or_create_contact) first. Answers the reception with the contact's new balance. "
                                + "Errors: 1003, 1008 shop, 55031 contact, 60007 unit, 55046 no default unit, 1015 too "
                                + "many credits, 1017 balance too low for negative credits.",
                        InputSchema.object()
                                .uuid("shop_uuid", "The shop where the contact earns (list_shops).")
                                .uuid("contact_uuid", "The contact who earns (find_or_create_contact).")
                                .number("unit_value", "The amount in the unit, e.g. 10.40 spent; the earning rules apply.")
                                .integer("credits", "Whole credits instead of unit_value; overrides the earning rules.",
                                        Integer.MIN_VALUE, Integer.MAX_VALUE)
                                .string("unit_name", "The unit of unit_value; the account's default unit when left out.")
                                .string("contact_identifier_value", "A loyalty card or other identifier of the contact.")
                                .string("pos_transaction_uuid", "The till's transaction, linked once.")
                                .required("shop_uuid", "contact_uuid"),
                        Tool.Output.OBJECT,
                        call -> receptions.create(account(call), call.body(CreateCreditReceptionRequest.class))),
                Tool.reading("get_contact_credit_balance", "Get Contact's Credit Balance",
                        "Use when you need how many credits a contact has, e.g. before claiming a reward. Needs a "
                                + "contact_uuid (find_or_create_contact). Errors: 1003, 55031 contact.",
                        InputSchema.object().uuid("contact_uuid", "The contact.").required("contact_uuid"),
                        Tool.Output.OBJECT,
                        call -> balances.get(account(call), call.uuid("contact_uuid"))),
                Tool.reading("list_rewards", "List Rewards",
                        "Use when a contact wants to spend credits: lists the rewards and their credit prices. With "
                                + "contact_uuid, only the rewards that contact can claim. Errors: 1003, 1008, 55031.",
                        InputSchema.object()
                                .uuid("shop_uuid", "Only rewards of this shop (list_shops).")
                                .uuid("contact_uuid", "Only rewards this contact can claim now."),
                        Tool.Output.ARRAY,
                        call -> rewards.list(account(call), call.optionalUuid("shop_uuid"), call.optionalUuid("contact_uuid"))),
                Tool.writing("create_reward_reception", "Create Reward Reception",
                        "Use when a contact claims a reward with credits: spends the reward's credits once. Needs "
                                + "contact_uuid (find_or_create_contact), reward_uuid (list_rewards) and shop_uuid "
                                + "(list_shops). Errors: 1003, 6003 reward, 1052 inactive, 1008, 55031, 1018 out of "
                                + "stock, 1019 claim limit, 1017 too few credits (get_contact_credit_balance).",
                        InputSchema.object()
                                .uuid("contact_uuid", "The contact who claims.")
                                .uuid("reward_uuid", "The reward (list_rewards).")
                                .uuid("shop_uuid", "The shop where it is claimed.")
                                .string("contact_identifier_value", "A loyalty card or other identifier of the contact.")
                                .required("contact_uuid", "reward_uuid", "shop_uuid"),
                        Tool.Output.OBJECT,
                        call -> rewardReceptions.create(account(call), call.body(CreateRewardReceptionRequest.class))),
                Tool.writing("reverse_credit_reception", "Reverse Credit Reception",
                        "Use when a purchase is refunded in full: takes the reception's credits back as a linked "
                                + "reception (for a partial refund use create_credit_reception with negative credits). "
                                + "Needs the credit reception's uuid (create_credit_reception or "
                                + "list_loyalty_transactions). Errors: 1028 unknown, 1003 a reversal itself, 1410 "
                                + "reversed already, 1017 the credits were spent.",
                        InputSchema.object().uuid("credit_reception_uuid", "The credit reception to reverse.")
                                .required("credit_reception_uuid"),
                        Tool.Output.OBJECT,
                        call -> receptions.reverse(account(call), call.uuid("credit_reception_uuid"))),
                Tool.reading("list_loyalty_transactions", "List Loyalty Transactions",
                        "Use when you need a contact's or a shop's history of credit and reward receptions, newest "
                                + "first, e.g. to find a reception to reverse. Errors: 1003, 1008, 55031.",
                        InputSchema.object()
                                .uuid("contact_uuid", "Only this contact's transactions.")
                                .uuid("shop_uuid", "Only this shop's transactions.")
                                .oneOf("type", "Only one kind.", List.of("credit_receptions", "reward_receptions"))
                                .paged(100),
                        Tool.Output.ARRAY,
                        call -> transactions.list(account(call), call.optionalInteger("page"),
                                call.optionalInteger("limit"), call.optionalString("type"),
                                call.optionalUuid("shop_uuid"), call.optionalUuid("contact_uuid"), call.query())));
    }

    @Override
    public List<ToolResource> resources() {
        return List.of(new ToolResource("piggy://loyalty-program", "loyalty-program",
                "The loyalty program's rules: its units, the earning rules that turn a unit value into credits, "
                        + "rounding and the maximum credits per reception.",
                account -> program.get(new AccountId(account)).data()));
    }

    private static AccountId account(ToolCall call) {
        return new AccountId(call.account());
    }
}
