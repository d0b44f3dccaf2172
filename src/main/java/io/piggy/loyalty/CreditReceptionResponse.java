package io.piggy.loyalty;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.piggy.account.ShopResponse;
import io.piggy.account.UnitResponse;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A credit reception (§2.3). The reception's custom attributes come back as top-level keys, as
 * Piggy sends them; {@code channel} is there because the PHP SDK's mapper requires it.
 */
record CreditReceptionResponse(
        String type,
        UUID uuid,
        long credits,
        @JsonProperty("unit_value") @Nullable BigDecimal unitValue,
        @Nullable UnitResponse unit,
        LoyaltyContactResponse contact,
        ShopResponse shop,
        @JsonProperty("contact_identifier") Object contactIdentifier,
        String channel,
        @JsonProperty("created_at") Instant createdAt,
        @JsonAnyGetter Map<String, Object> attributes) implements LoyaltyTransactionResponse {
}
