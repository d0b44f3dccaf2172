package io.piggy.perk;

import io.piggy.account.AccountId;
import io.piggy.shared.tool.InputSchema;
import io.piggy.shared.tool.Tool;
import io.piggy.shared.tool.ToolSet;
import org.springframework.stereotype.Component;

import java.util.List;

/** List Perks as an agent tool: it runs the route's own method. */
@Component
class PerkTools implements ToolSet {
    private final PerksController perks;

    PerkTools(PerksController perks) {
        this.perks = perks;
    }

    @Override
    public List<Tool> tools() {
        return List.of(Tool.reading("list_perks", "List Perks",
                "Use when you need what the tiers give their contacts (e.g. a discount): lists the perks with "
                        + "their options. Nothing is needed first.",
                InputSchema.object(),
                Tool.Output.ARRAY,
                call -> perks.list(new AccountId(call.account()))));
    }
}
