package io.piggy.shared.api;

import io.piggy.support.ApiIT;
import io.piggy.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The API documentation page renders our operations in a real browser. */
class SwaggerUiBrowserIT extends ApiIT {

    @Test
    void swaggerUiListsTheOperations() {
        ChromeDriver browser = Browser.start();
        try {
            browser.get("http://localhost:" + port + "/swagger-ui/index.html");
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(d -> !d.findElements(By.cssSelector(".opblock-summary-path")).isEmpty());
            String page = browser.findElement(By.tagName("body")).getText();
            assertThat(page).contains("Piggy API").contains("/api/v3/oauth/clients/shops").contains("/oauth/token");
        } finally {
            browser.quit();
        }
    }
}
