package io.piggy.account;

import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.api.PiggyExtension;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping(AuthConfiguration.ACCOUNT_API + "/shops")
@Tag(name = "Shops")
class ShopsController {
    private final Shops shops;

    ShopsController(Shops shops) {
        this.shops = shops;
    }

    @GetMapping
    @Operation(summary = "List shops")
    Envelope<List<ShopResponse>> list(AccountId account) {
        return Envelope.of(shops.all(account));
    }

    @GetMapping("/{shopUuid}")
    @Operation(summary = "Get a shop", description = "1008 when the shop is unknown.")
    Envelope<ShopResponse> get(AccountId account, @PathVariable UUID shopUuid) {
        return Envelope.of(shops.find(account, shopUuid).orElseThrow(() -> new ApiException(ErrorCode.SHOP_NOT_FOUND)));
    }

    @PostMapping
    @PiggyExtension
    @Operation(summary = "Create a shop", description = "Piggy creates shops in its dashboard; we have none yet.")
    Envelope<ShopResponse> create(AccountId account, @Valid @RequestBody CreateShopRequest request) {
        return Envelope.of(shops.create(account, request.name().trim(), request.type(), request.reference()));
    }
}
