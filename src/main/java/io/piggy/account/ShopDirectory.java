package io.piggy.account;

import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import org.springframework.stereotype.Service;

import java.util.UUID;

/** The account feature's face to the others for shops: check that a shop exists, or fail with 1008. */
@Service
public class ShopDirectory {
    private final Shops shops;

    ShopDirectory(Shops shops) {
        this.shops = shops;
    }

    public ShopResponse require(AccountId account, UUID shop) {
        return shops.find(account, shop).orElseThrow(ShopDirectory::notFound);
    }

    /** The account's first shop ("Main shop" unless renamed): where credits without a till are booked. */
    public ShopResponse mainShop(AccountId account) {
        return shops.all(account).stream().findFirst().orElseThrow(() -> new ApiException(ErrorCode.SHOP_NOT_FOUND,
                "This account has no shop. Create one with POST /shops."));
    }

    static ApiException notFound() {
        return new ApiException(ErrorCode.SHOP_NOT_FOUND, "No shop has this shop_uuid. List your shops with GET /shops.");
    }
}
