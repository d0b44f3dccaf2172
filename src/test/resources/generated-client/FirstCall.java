package io.piggy.client;

import io.piggy.client.api.ShopsApi;
import io.piggy.client.model.ShopResponse;

import java.util.List;
import java.util.function.BiFunction;

/** Compiled with the client GeneratedClientIT generates: a user's first call, as the generator's README shows it. */
public class FirstCall implements BiFunction<String, String, List<String>> {
    @Override
    public List<String> apply(String baseUri, String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        try {
            return new ShopsApi(client).shopsList().getData().stream()
                    .map(shop -> shop.getName() + " reference=" + shop.getReference()).toList();
        } catch (ApiException e) {
            throw new IllegalStateException(e.getCode() + " " + e.getResponseBody(), e);
        }
    }
}
