package io.piggy.shared.api;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class OperabilityIT extends ApiIT {
    private static final String ACCESS_LOG = "io.piggy.access";
    private LogLevel configured;

    /** The suite runs with the access log off (readable output); this class reads it. */
    @BeforeEach
    void accessLogOn() {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        configured = logging.getLoggerConfiguration(ACCESS_LOG).getConfiguredLevel();
        logging.setLogLevel(ACCESS_LOG, LogLevel.INFO);
    }

    @AfterEach
    void accessLogAsConfigured() {
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel(ACCESS_LOG, configured);
    }

    @Test
    void theRequestIdIsInTheResponseAndTheLogLine(CapturedOutput output) {
        Api api = as(newAccount("Logging"));
        Api.Response response = api.send(api.request(Api.PREFIX + "/shops").header("X-Request-Id", "trace-me-4711").GET());
        assertThat(response.header("X-Request-Id")).isEqualTo("trace-me-4711");
        assertThat(output.getOut()).containsPattern("\\[trace-me-4711\\].*GET /api/v3/oauth/clients/shops 200");

        Api.Response generated = api.get(Api.PREFIX + "/shops");
        assertThat(generated.header("X-Request-Id")).isNotBlank();
        assertThat(output.getOut()).contains("[" + generated.header("X-Request-Id") + "]");
    }

    @Test
    void healthChecksTheDatabase() {
        Api.Response health = anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusHasHttpLatencyHistograms() {
        as(newAccount("Metrics")).get(Api.PREFIX + "/shops");
        Api.Response metrics = metrics().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_bucket");
    }

    /** Probes stay open for load balancers; metrics on the main port only with PIGGY_METRICS_TOKEN. */
    @Test
    void metricsNeedTheMetricsTokenWhileProbesStayOpen() {
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.threads.live")) {
            assertThat(anonymous().get(path).code()).as(path).isEqualTo(1401);
            assertThat(anonymous().as("wrong-token").get(path).code()).as(path).isEqualTo(1401);
            assertThat(as(newAccount("Not for metrics")).get(path).code()).as("an account token is not it").isEqualTo(1401);
        }
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                "/actuator/info")) {
            assertThat(anonymous().get(path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void openApiDescribesEveryEndpointWithSchemasAndMarksExtensions() {
        JsonNode doc = anonymous().get("/v3/api-docs").json();
        JsonNode paths = doc.get("paths");
        for (String path : List.of("/api/v3/oauth/clients", "/api/v3/oauth/clients/shops",
                "/api/v3/oauth/clients/shops/{shopUuid}", "/api/v3/oauth/clients/units",
                "/api/v3/oauth/clients/loyalty-program", "/oauth/token", "/api/admin/accounts",
                "/api/admin/accounts/{accountUuid}/tokens", "/api/admin/accounts/{accountUuid}/tokens/{tokenUuid}",
                "/api/admin/accounts/{accountUuid}/oauth-clients")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.has("/error")).isFalse();
        assertThat(paths.has("/api/v3/oauth/clients/test-echo")).isFalse();

        JsonNode createShop = paths.get("/api/v3/oauth/clients/shops").get("post");
        assertThat(createShop.get("x-piggy-extension").asBoolean()).isTrue();
        assertThat(createShop.get("description").asString()).startsWith("Extension");
        assertThat(createShop.get("requestBody").get("content").propertyNames())
                .contains("application/json", "application/x-www-form-urlencoded", "multipart/form-data");
        assertThat(paths.get("/api/v3/oauth/clients/shops").get("get").has("x-piggy-extension")).isFalse();

        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(schemas.get("CreateShopRequest").get("properties").has("name")).isTrue();
        assertThat(schemas.get("ApiError").get("properties").has("status_code")).isTrue();
        assertThat(schemas.get("UnitResponse").get("properties").has("is_default")).isTrue();

        assertThat(anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
