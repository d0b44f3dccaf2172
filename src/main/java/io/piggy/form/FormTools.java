package io.piggy.form;

import io.piggy.account.AccountId;
import io.piggy.shared.tool.InputSchema;
import io.piggy.shared.tool.Tool;
import io.piggy.shared.tool.ToolSet;
import org.springframework.stereotype.Component;

import java.util.List;

/** List Forms as an agent tool: it runs the route's own method. */
@Component
class FormTools implements ToolSet {
    private final FormsController forms;

    FormTools(FormsController forms) {
        this.forms = forms;
    }

    @Override
    public List<Tool> tools() {
        return List.of(Tool.reading("list_forms", "List Forms",
                "Use when you need a sign-up or survey form to send a customer: lists the account's forms with "
                        + "their hosted page url, optionally only one status or type. Errors: 1003.",
                InputSchema.object()
                        .oneOf("status", "Only forms in this status.", List.of("PUBLISHED", "DRAFT", "BIN"))
                        .oneOf("type", "Only public or private forms.", List.of("PUBLIC", "PRIVATE")),
                Tool.Output.ARRAY,
                call -> forms.list(new AccountId(call.account()), call.optionalString("status"), call.optionalString("type"))));
    }
}
