package dev.cited.web;

import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import dev.cited.support.NestedSeeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** In the browser, a document from a subfolder (an id holding "/") opens from its citation like any other. */
@Timeout(value = 120)
@ExtendWith(RequiresChromium.class)
class NestedFolderWebTest {
    @TempDir
    static Path folder;
    private static CitedServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.available(), Browser.MISSING);
        NestedSeeds.layOut(folder);
        server = CitedServer.start(CitedConfig.builder().port(0).seeds(folder).retrieval("bm25").build());
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        Browser.closeWith(browser, server);
    }

    @Test
    void givenAnAnswerFromANestedDocument_whenItsCitationIsClicked_thenTheQuoteIsHighlightedInIt() throws Exception {
        ChromeDriver driver = browser.driver;
        driver.get("http://127.0.0.1:" + server.port() + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        WebElement box = wait.until(d -> d.findElement(By.cssSelector("textarea[name='question']")));
        // Only the examples about documents this folder serves (under their ids here), and the one for any folder.
        @SuppressWarnings("unchecked")
        List<String> examples = wait.until(d -> {
            List<String> texts = (List<String>) driver.executeScript(
                    "return [...document.querySelectorAll('[data-role=example]')].map(e => e.textContent)");
            return texts.size() == 2 ? texts : null;
        });
        assertEquals(List.of("What did the EU and South Korea demand from North Korea?", "What are the documents about?"),
                examples);
        box.sendKeys("How many artillery shells has North Korea sent to Russia?", Keys.ENTER);

        WebElement marker = wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("[data-role='answer'][aria-busy='false'] button[data-citation]"));
            return found.isEmpty() ? null : found.get(0);
        });
        assertEquals(NestedSeeds.NESTED_ID, marker.getAttribute("data-document-id"));
        int start = Integer.parseInt(marker.getAttribute("data-start"));
        int end = Integer.parseInt(marker.getAttribute("data-end"));
        marker.click();

        String text = Files.readString(folder.resolve(NestedSeeds.NESTED_ID + ".txt"), StandardCharsets.UTF_8);
        String marked = wait.until(d -> {
            String m = (String) driver.executeScript(
                    "return [...document.querySelectorAll('[data-role=source] mark')].map(m => m.textContent).join('')");
            return m == null || m.isEmpty() ? null : m;
        });
        assertEquals(text.substring(start, end), marked);
        assertEquals(List.of(), browser.consoleErrors(), "no failed fetches, script errors or CSP violations");
    }
}
