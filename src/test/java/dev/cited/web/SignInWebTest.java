package dev.cited.web;

import dev.cited.access.Role;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import dev.cited.storage.Database;
import dev.cited.storage.SqlStores;
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

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * CITED_AUTH=keys in the browser: the page asks for a key, a wrong one is refused in plain words, two users on
 * one browser never see each other's chats, and a user's chats come back from the server in a fresh browser.
 */
@Timeout(value = 240)
@ExtendWith(RequiresChromium.class)
class SignInWebTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path data;
    private static CitedServer server;
    private static String base;
    private static String ann;
    private static String bob;

    @BeforeAll
    static void start() {
        assumeTrue(Browser.available(), Browser.MISSING);
        String url = Database.sqliteUrl(data);
        try (SqlStores stores = SqlStores.open(url, Clock.systemUTC(), 20, Duration.ofHours(1), Duration.ofDays(1))) {
            ann = stores.apiKeys().create("ann", Role.USER).secret();
            bob = stores.apiKeys().create("bob", Role.ADMIN).secret();
        }
        server = CitedServer.start(CitedConfig.builder().port(0).retrieval("bm25").databaseUrl(url).auth("keys").build());
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static WebDriverWait waitIn(ChromeDriver driver) {
        return new WebDriverWait(driver, WAIT);
    }

    private static void signIn(ChromeDriver driver, String key) {
        WebElement input = waitIn(driver).until(d -> d.findElement(By.cssSelector("[data-role='signin-key']")));
        input.clear();
        input.sendKeys(key);
        driver.findElement(By.cssSelector("[data-role='signin-submit']")).click();
    }

    private static void ask(ChromeDriver driver, String question) {
        waitIn(driver).until(d -> "true".equals(driver.executeScript("return document.documentElement.dataset.ready || ''")));
        WebElement box = driver.findElement(By.cssSelector("textarea[name='question']"));
        box.sendKeys(question);
        box.sendKeys(Keys.ENTER);
        waitIn(driver).until(d -> {
            List<WebElement> answers = d.findElements(By.cssSelector("[data-role='answer']"));
            return !answers.isEmpty() && "false".equals(answers.get(answers.size() - 1).getAttribute("aria-busy"));
        });
    }

    private static List<String> history(ChromeDriver driver) {
        return driver.findElements(By.cssSelector("[data-role='history'] li")).stream().map(WebElement::getText).toList();
    }

    @Test
    void givenTwoUsersOnOneBrowser_whenEachSignsInAndAsks_thenNeitherSeesTheOthersChatsAndTheyFollowTheUser()
            throws Exception {
        try (Browser browser = new Browser()) {
            ChromeDriver driver = browser.driver;
            driver.get(base + "/");
            signIn(driver, "cited_not-a-key");
            String refused = waitIn(driver).until(d -> {
                String text = d.findElement(By.cssSelector("[data-role='signin-error']")).getText();
                return text.isBlank() ? null : text;
            });
            assertTrue(refused.contains("not valid"), refused);

            signIn(driver, ann);
            ask(driver, "Who is Jens Stoltenberg?");
            String account = driver.findElement(By.cssSelector("[data-role='account-name']")).getText();
            assertEquals("Signed in as ann", account);
            String answer = driver.findElements(By.cssSelector("[data-role='answer-text']")).get(0).getText();
            assertTrue(answer.contains("NATO") || answer.contains("Stoltenberg"), answer);
            waitIn(driver).until(d -> history(driver).stream().anyMatch(h -> h.contains("Jens Stoltenberg")));

            driver.findElement(By.cssSelector("[data-role='sign-out']")).click();
            signIn(driver, bob);
            waitIn(driver).until(d -> "Signed in as bob (admin)".equals(
                    d.findElement(By.cssSelector("[data-role='account-name']")).getText()));
            ask(driver, "Who is Kyrylo Budanov?");
            waitIn(driver).until(d -> history(driver).stream().anyMatch(h -> h.contains("Kyrylo Budanov")));
            assertFalse(history(driver).stream().anyMatch(h -> h.contains("Jens Stoltenberg")),
                    "Bob sees none of Ann's chats: " + history(driver));
            assertTrue(browser.consoleErrors().stream().noneMatch(e -> e.contains("Content Security Policy")),
                    browser.consoleErrors().toString());
            browser.screenshot("signin-bob");
        }
        try (Browser fresh = new Browser()) { // another browser: Ann's chats come from the server
            ChromeDriver driver = fresh.driver;
            driver.get(base + "/");
            signIn(driver, ann);
            waitIn(driver).until(d -> history(driver).stream().anyMatch(h -> h.contains("Jens Stoltenberg")));
            assertFalse(history(driver).stream().anyMatch(h -> h.contains("Kyrylo Budanov")), history(driver).toString());
            driver.findElements(By.cssSelector("[data-role='history'] li button")).get(0).click();
            waitIn(driver).until(d -> !d.findElements(By.cssSelector("[data-role='answer'] [data-citation]")).isEmpty());
        }
    }
}
