package io.piggy.loyalty;

/** Where the account API lives (the account feature keeps its own constant package-private). */
final class LoyaltyApi {
    static final String PREFIX = "/api/v3/oauth/clients";

    private LoyaltyApi() {
    }
}
