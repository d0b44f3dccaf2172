package io.piggy.support;

import io.piggy.PiggyApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

/** Starts a separate Piggy for tests that need settings of their own (first start, restarts, limits). */
public final class TestApps {
    private TestApps() {
    }

    /** Settings go in as command-line arguments, so they win over application.yml as real ones would. */
    public static ConfigurableApplicationContext start(Map<String, String> settings) {
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(PiggyApplication.class).run(args);
    }

    public static Api api(ConfigurableApplicationContext app, String token) {
        return new Api("http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort(), token);
    }
}
