package io.piggy.product;

import io.piggy.account.AccountId;
import io.piggy.shared.tool.InputSchema;
import io.piggy.shared.tool.Tool;
import io.piggy.shared.tool.ToolSet;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Find or Create Products as an agent tool: it runs the route's own method. */
@Component
class ProductTools implements ToolSet {
    private final ProductsController products;

    ProductTools(ProductsController products) {
        this.products = products;
    }

    @Override
    public List<Tool> tools() {
        return List.of(Tool.writing("find_or_create_products", "Find or Create Products",
                "Use when you need a product of the catalog by your own identifier (e.g. its SKU): finds the "
                        + "product with that external_identifier or creates it with the name, description and "
                        + "categories given. Nothing is needed first. Errors: 1003.",
                InputSchema.object()
                        .string("external_identifier", "Your unique product id, e.g. the SKU.")
                        .string("name", "The product's name, for a new product.")
                        .string("description", "The product's description.")
                        .array("categories", "Product categories by uuid or external_identifier.", Map.of("type", "object",
                                "properties", Map.of("uuid", Map.of("type", "string", "format", "uuid"),
                                        "external_identifier", Map.of("type", "string"))))
                        .required("external_identifier"),
                Tool.Output.OBJECT,
                call -> products.findOrCreate(new AccountId(call.account()), call.body(ProductRequest.class))));
    }
}
