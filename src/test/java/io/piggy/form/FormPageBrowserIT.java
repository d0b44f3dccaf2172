package io.piggy.form;

import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import io.piggy.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;


import static io.piggy.form.FormPagesIT.attribute;
import static io.piggy.form.FormPagesIT.publishedForm;
import static io.piggy.support.Api.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/** A person fills in a hosted form in a real headless Chromium, gets an error, fixes it and is thanked. */
class FormPageBrowserIT extends ApiIT {

    @Test
    void fillInFixAnErrorAndSubmit() {
        Api api = as(newAccount("Form in a browser"));
        attribute(api, "shop", "select", List.of("north", "south"));
        attribute(api, "hobbies", "multi_select", List.of("chess", "golf"));
        attribute(api, "vip", "boolean", null);
        String form = publishedForm(api, "PUBLIC", List.of("firstname", "phonenumber", "birthdate", "shop", "hobbies", "vip"),
                Map.of("thank_you_text", "Welcome aboard, see you soon!"));

        ChromeDriver browser = Browser.start();
        try {
            browser.get("http://localhost:" + port + "/forms/" + form);
            assertThat(browser.getTitle()).isEqualTo("Join <us> & \"win\"");
            labelled(browser, "Email").sendKeys("hedy@example.com");
            labelled(browser, "First name").sendKeys("Hedy");
            WebElement firstname = browser.findElement(By.id("f-firstname"));
            assertThat(firstname.getAttribute("type")).isEqualTo("text");
            labelled(browser, "Phone number").sendKeys("call me maybe");
            WebElement birthdate = labelled(browser, "Birthdate");
            assertThat(birthdate.getAttribute("type")).isEqualTo("date");
            birthdate.sendKeys("03151990"); // typed into Chromium's date picker as mm/dd/yyyy
            new Select(labelled(browser, "Label of shop")).selectByVisibleText("SOUTH");
            labelled(browser, "GOLF").click();
            labelled(browser, "Label of vip").click();
            submitAndWaitForTheNextPage(browser);

            // the error stands next to its field, which points at it; the other values are kept
            WebElement phone = browser.findElement(By.id("f-phonenumber"));
            WebElement error = browser.findElement(By.id("f-phonenumber-error"));
            assertThat(error.getText()).contains("phone number");
            assertThat(phone.getAttribute("aria-describedby")).isEqualTo("f-phonenumber-error");
            assertThat(phone.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Phone number");
            assertThat(browser.findElement(By.id("f-firstname")).getAttribute("value")).isEqualTo("Hedy");
            assertThat(browser.findElement(By.id("f-email")).getAttribute("value")).isEqualTo("hedy@example.com");
            assertThat(browser.findElement(By.id("f-birthdate")).getAttribute("value")).isEqualTo("1990-03-15");
            assertThat(new Select(browser.findElement(By.id("f-shop"))).getFirstSelectedOption().getText()).isEqualTo("SOUTH");
            assertThat(browser.findElement(By.id("f-hobbies-1")).isSelected()).isTrue();
            assertThat(browser.findElement(By.id("f-vip")).isSelected()).isTrue();

            phone.clear();
            phone.sendKeys("+31 20 123 4567");
            submitAndWaitForTheNextPage(browser);
            assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Welcome aboard, see you soon!");
        } finally {
            browser.quit();
        }

        JsonNode contact = api.get(PREFIX + "/contacts/find-one-by?email=hedy@example.com").data();
        JsonNode values = contact.get("current_values");
        assertThat(values.get("firstname").asString()).isEqualTo("Hedy");
        assertThat(values.get("phonenumber").asString()).isEqualTo("+31 20 123 4567");
        assertThat(values.get("birthdate").asString()).isEqualTo("1990-03-15");
        assertThat(values.get("shop").asString()).isEqualTo("south");
        assertThat(values.get("hobbies").toString()).isEqualTo("[\"golf\"]");
        assertThat(values.get("vip").asBoolean()).isTrue();
    }

    /**
     * Issue 12 §5: someone who knows a customer's email fills in a PUBLIC form with other values and an
     * empty birthdate; the customer's saved details stay, only a missing one is added, and the page
     * said so. The customer's own personal link then does change and clear them.
     */
    @Test
    void aPublicFormOnlyAddsMissingDetailsToAKnownEmailAndThePersonalLinkChangesThem() {
        Api api = as(newAccount("Form, known email, in a browser"));
        String ada = PrivateFormPagesIT.contact(api, "ada@example.com", Map.of("firstname", "Ada", "birthdate", "1990-03-15"));
        String open = publishedForm(api, "PUBLIC", List.of("firstname", "birthdate", "phonenumber"), Map.of());
        String personal = publishedForm(api, "PRIVATE", List.of("firstname", "birthdate", "phonenumber"), Map.of());

        ChromeDriver browser = Browser.start();
        try {
            browser.get("http://localhost:" + port + "/forms/" + open);
            assertThat(browser.findElement(By.id("form-notice")).getText())
                    .contains("If you already have an account with this email, we only add details that are missing")
                    .contains("personal link");
            labelled(browser, "Email").sendKeys("ada@example.com");
            labelled(browser, "First name").sendKeys("Mallory");
            labelled(browser, "Phone number").sendKeys("+31 20 123 4567");
            assertThat(labelled(browser, "Birthdate").getAttribute("value")).isEmpty();
            submitAndWaitForTheNextPage(browser);
            assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Thank you! Your answers have been saved.");

            JsonNode kept = api.get(PREFIX + "/contacts/" + ada).data().get("current_values");
            assertThat(kept.path("firstname").asString()).isEqualTo("Ada");
            assertThat(kept.path("birthdate").asString()).isEqualTo("1990-03-15");
            assertThat(kept.path("phonenumber").asString()).isEqualTo("+31 20 123 4567");

            // the customer's own link: pre-filled; what they change is saved, what they empty is removed
            browser.get("http://localhost:" + port + "/forms/" + personal + "?token=" + PrivateFormPagesIT.token(api, ada));
            assertThat(browser.findElement(By.id("form-notice")).getText())
                    .contains("Changes you make here replace your saved details");
            WebElement firstname = labelled(browser, "First name");
            assertThat(firstname.getAttribute("value")).isEqualTo("Ada");
            firstname.clear();
            firstname.sendKeys("Augusta Ada");
            labelled(browser, "Phone number").clear();
            assertThat(labelled(browser, "Birthdate").getAttribute("value")).isEqualTo("1990-03-15");
            submitAndWaitForTheNextPage(browser);
            assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Thank you! Your answers have been saved.");
        } finally {
            browser.quit();
        }
        JsonNode changed = api.get(PREFIX + "/contacts/" + ada).data().get("current_values");
        assertThat(changed.path("firstname").asString()).isEqualTo("Augusta Ada");
        assertThat(changed.path("birthdate").asString()).isEqualTo("1990-03-15");
        assertThat(changed.path("phonenumber").isMissingNode() || changed.path("phonenumber").isNull()).isTrue();
    }

    /** Submits and waits until the answer replaced the page, so no element of the old page is read. */
    private static void submitAndWaitForTheNextPage(ChromeDriver browser) {
        WebElement form = browser.findElement(By.tagName("form"));
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> isGone(form));
    }

    /**
     * Like ExpectedConditions.stalenessOf, but Chrome may instead answer "Node with given id does not
     * belong to the document" while the old page is being torn down: that too means it is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            return String.valueOf(e.getMessage()).contains("does not belong to the document");
        }
    }

    /** The control a visible label names, found through the label's for attribute. */
    private static WebElement labelled(ChromeDriver browser, String text) {
        WebElement label = browser.findElements(By.tagName("label")).stream()
                .filter(l -> l.getText().equals(text) || l.getText().equals(text + " (required)")).findFirst()
                .orElseThrow(() -> new AssertionError("no label " + text));
        return browser.findElement(By.id(label.getAttribute("for")));
    }
}
