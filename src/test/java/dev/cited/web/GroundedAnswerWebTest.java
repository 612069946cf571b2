package dev.cited.web;

import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import dev.cited.eval.ClaimCase;
import dev.cited.eval.EvalCommand;
import dev.cited.eval.ScriptedModelServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A model that plants an error, seen in the browser: the stand-in model writes a true claim and a changed
 * number; the page must show the true claim cited and highlighted, never the planted one, and say what was
 * removed and why. With {@code --grounding flag} the planted claim stays, marked and uncited.
 */
@Timeout(value = 180)
@ExtendWith(RequiresChromium.class)
class GroundedAnswerWebTest {
    private static final String QUESTION = "How many shipping containers has South Korea tracked going from North Korea to Russia?";
    private static final String TRUE_CLAIM = "South Korean defence agencies have tracked around 13,000 shipping containers "
            + "moving from North Korea to Russia.";
    private static final String PLANTED = "Those containers could carry up to 9m artillery shells.";
    private static final List<ClaimCase> CASES = List.of(new ClaimCase("web-1", QUESTION, List.of(
            new ClaimCase.Sentence(TRUE_CLAIM, "004_c0a5f909db2a0263", null,
                    List.of("Defence agencies in South Korea have tracked around 13,000 shipping containers"), null,
                    ClaimCase.Cite.RIGHT),
            new ClaimCase.Sentence(PLANTED, "004_c0a5f909db2a0263", "number", List.of(),
                    "capable of delivering up to 6m artillery shells", null))));

    private static ScriptedModelServer model;
    private static CitedServer strict;
    private static CitedServer flag;
    private static Browser browser;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.available(), Browser.MISSING);
        model = ScriptedModelServer.start(CASES, 0);
        CitedConfig config = CitedConfig.builder().port(0).model(EvalCommand.STAND_IN_MODEL).build();
        strict = CitedServer.start(config, model.env());
        flag = CitedServer.start(config.toBuilder().grounding("flag").build(), model.env());
        browser = new Browser();
        driver = browser.driver;
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (strict != null) {
            strict.close();
        }
        if (flag != null) {
            flag.close();
        }
        if (model != null) {
            model.close();
        }
    }

    @Test
    void givenAPlantedNumber_whenAnswered_thenOnlyTheTrueClaimIsShownCitedAndTheRemovalIsExplained() {
        WebElement answer = ask(strict);
        String text = answer.findElement(By.cssSelector("[data-role='answer-text']")).getDomProperty("textContent");

        assertTrue(text.contains("13,000 shipping containers"), text);
        assertFalse(text.contains("9m"), "the planted number is not in the answer: " + text);
        assertFalse(text.contains("⚠"), text);
        WebElement summary = answer.findElement(By.cssSelector("[data-role='unsupported-summary']"));
        assertEquals("1 statement removed: not supported by the sources", summary.getText());
        WebElement details = answer.findElement(By.cssSelector("[data-role='unsupported']"));
        assertFalse(details.findElement(By.cssSelector("[data-role='unsupported-item']")).isDisplayed(), "closed at first");
        summary.click();
        WebElement item = details.findElement(By.cssSelector("[data-role='unsupported-item']"));
        assertTrue(item.isDisplayed());
        assertTrue(item.getText().contains(PLANTED.substring(0, 30)), item.getText());
        assertTrue(item.getText().contains("9m") && item.getText().contains("6m"), "the reason names both numbers: " + item.getText());

        List<WebElement> markers = answer.findElements(By.cssSelector("button[data-citation]"));
        assertEquals(1, markers.size(), "one citation, for the true claim");
        markers.get(0).click();
        String marked = new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            String m = (String) driver.executeScript(
                    "return [...document.querySelectorAll('[data-role=source] mark')].map(m => m.textContent).join('')");
            return m == null || m.isEmpty() ? null : m;
        });
        assertTrue(marked.startsWith("Defence agencies in South Korea have tracked around 13,000 shipping containers"), marked);
        assertFalse(marked.contains("9m"), marked);
        browser.screenshot("grounded-answer-strict");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void givenFlagMode_whenAnswered_thenThePlantedClaimStaysMarkedUncitedWithItsReason() {
        WebElement answer = ask(flag);

        WebElement unverified = answer.findElement(By.cssSelector("mark[data-role='unverified']"));
        assertTrue(unverified.getText().contains(PLANTED.substring(0, 30)), unverified.getText());
        assertTrue(unverified.getAttribute("title").startsWith("Not verified:"), unverified.getAttribute("title"));
        assertTrue(unverified.findElements(By.cssSelector("button[data-citation]")).isEmpty(), "no citation on it");
        assertEquals("1 statement not verified: not supported by the sources",
                answer.findElement(By.cssSelector("[data-role='unsupported-summary']")).getText());
        assertEquals(1, answer.findElements(By.cssSelector("button[data-citation]")).size());
        browser.screenshot("grounded-answer-flag");
    }

    private static WebElement ask(CitedServer server) {
        browser.desktop();
        driver.get("http://127.0.0.1:" + server.port() + "/");
        driver.executeScript("localStorage.clear()");
        driver.get("http://127.0.0.1:" + server.port() + "/");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d ->
                "true".equals(driver.executeScript("return document.documentElement.dataset.ready || ''")));
        browser.consoleErrors();
        driver.findElement(By.cssSelector("textarea[name='question']")).sendKeys(QUESTION, Keys.ENTER);
        return new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> {
            List<WebElement> all = d.findElements(By.cssSelector("[data-role='answer']"));
            return all.isEmpty() || !"false".equals(all.get(0).getAttribute("aria-busy")) ? null : all.get(0);
        });
    }
}
