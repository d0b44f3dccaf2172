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

    static ApiException notFound() {
        return new ApiException(ErrorCode.SHOP_NOT_FOUND, "No shop has this shop_uuid. List your shops with GET /shops.");
    }
}
