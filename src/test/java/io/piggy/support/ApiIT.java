package io.piggy.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the HTTP integration tests: one application (cached by Spring across classes) on the
 * shared embedded PostgreSQL. Classes stay independent by working in accounts of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "piggy.admin-token=" + ApiIT.ADMIN_TOKEN,
        "piggy.bootstrap-token=" + ApiIT.BOOTSTRAP_TOKEN,
        "piggy.metrics-token=" + ApiIT.METRICS_TOKEN,
})
public abstract class ApiIT {
    public static final String ADMIN_TOKEN = "test-admin-token";
    public static final String BOOTSTRAP_TOKEN = "test-bootstrap-token";
    public static final String METRICS_TOKEN = "test-metrics-token";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("piggy.database.url", TestDatabase::jdbcUrl);
        registry.add("piggy.data-dir", () -> System.getProperty("java.io.tmpdir") + "/piggy-it-data");
    }

    public record TestAccount(String uuid, String token) {
    }

    /** Reads /actuator/prometheus on the main port. */
    protected Api metrics() {
        return anonymous().as(METRICS_TOKEN);
    }

    protected Api anonymous() {
        return new Api("http://localhost:" + port, null);
    }

    protected Api admin() {
        return anonymous().as(ADMIN_TOKEN);
    }

    /** A fresh tenant, made through the admin API. */
    protected TestAccount newAccount(String name) {
        Api.Response created = admin().postJson("/api/admin/accounts", Map.of("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new TestAccount(created.data().get("uuid").asString(), created.data().get("access_token").asString());
    }

    protected Api as(TestAccount account) {
        return anonymous().as(account.token());
    }

    @BeforeEach
    void baseSetUp() {
        assertThat(port).isPositive();
    }
}
