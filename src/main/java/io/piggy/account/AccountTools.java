package io.piggy.account;

import io.piggy.shared.tool.InputSchema;
import io.piggy.shared.tool.Tool;
import io.piggy.shared.tool.ToolSet;
import org.springframework.stereotype.Component;

import java.util.List;

/** List Shops as an agent tool: it runs the route's own method. */
@Component
class AccountTools implements ToolSet {
    private final ShopsController shops;

    AccountTools(ShopsController shops) {
        this.shops = shops;
    }

    @Override
    public List<Tool> tools() {
        return List.of(Tool.reading("list_shops", "List Shops",
                "Use first when a tool needs a shop_uuid (credit receptions, rewards, redemptions): lists the "
                        + "account's shops (business profiles). Nothing is needed first.",
                InputSchema.object(),
                Tool.Output.ARRAY,
                call -> shops.list(new AccountId(call.account()))));
    }
}
