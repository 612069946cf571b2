package dev.cited.web;

import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import dev.cited.document.SampleFiles;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A folder of a PDF, a Word file and a file Cited cannot read, in the browser: a citation into the PDF
 * names its page and links to the original there; the Documents view shows type, pages and passages, can
 * be searched, and lists the file not served with why.
 */
@Timeout(value = 180)
@ExtendWith(RequiresChromium.class)
class MixedFolderWebTest {
    @TempDir
    static Path folder;
    private static CitedServer server;
    private static Browser browser;
    private static ChromeDriver driver;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.available(), Browser.MISSING);
        assumeTrue(Files.exists(SampleFiles.PAPER), "the sample PDFs live in ../shared beside the checkout");
        Files.copy(SampleFiles.PAPER, folder.resolve("paper.pdf"));
        SampleFiles.wordMemo(folder.resolve("memo.docx"), "Harbour memo", "The harbour authority counted 412 tankers in March.");
        SampleFiles.audio(folder.resolve("tune.mp3"));
        server = CitedServer.start(CitedConfig.builder().port(0).seeds(folder).retrieval("bm25").build());
        base = "http://127.0.0.1:" + server.port();
        browser = new Browser();
        driver = browser.driver;
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static void freshPage() {
        browser.desktop();
        driver.get(base + "/");
        driver.executeScript("localStorage.clear()");
        driver.get(base + "/");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d ->
                "true".equals(driver.executeScript("return document.documentElement.dataset.ready || ''")));
    }

    @Test
    void givenACitationIntoAPdf_whenClicked_thenThePanelNamesItsPageAndLinksToTheOriginalThere() throws Exception {
        freshPage();
        driver.findElement(By.cssSelector("textarea[name='question']")).sendKeys("What does every compiled trace contain?",
                Keys.ENTER);
        WebElement answer = new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> {
            List<WebElement> all = d.findElements(By.cssSelector("[data-role='answer']"));
            return all.isEmpty() || !"false".equals(all.get(0).getAttribute("aria-busy")) ? null : all.get(0);
        });
        answer.findElement(By.cssSelector("button[data-citation]")).click();
        WebElement link = new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                d.findElements(By.cssSelector("[data-role='source-original']")).stream().findFirst().orElse(null));
        assertEquals("Page 2", driver.findElement(By.cssSelector("[data-role='source-page']")).getText());
        assertEquals("Open the original at page 2", link.getText());
        assertEquals(base + "/api/documents/paper/original#page=2", link.getAttribute("href"));
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(link.getAttribute("href").replace("#page=2", ""))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertEquals(Files.size(SampleFiles.PAPER), pdf.body().length);
        browser.screenshot("pdf-citation-page");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void givenTheDocumentsView_whenOpened_thenItShowsTypesPagesAndWhatIsNotServedAndCanBeSearched() {
        freshPage();
        driver.findElement(By.cssSelector("[data-role='documents-link']")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> d.findElements(By.cssSelector("[data-role='document-item']")).size() == 2);
        String metas = String.join("\n", driver.findElements(By.cssSelector("[data-role='document-meta']")).stream()
                .map(WebElement::getText).toList());
        assertTrue(metas.contains("PDF · 14 pages ·"), metas);
        assertTrue(metas.contains("Word ·"), metas);
        WebElement unserved = wait.until(d -> d.findElements(By.cssSelector("[data-role='unserved-file']")).stream()
                .findFirst().orElse(null));
        assertTrue(unserved.getText().contains("tune.mp3") && unserved.getText().contains("unsupported type audio/mpeg"),
                unserved.getText());
        driver.findElement(By.cssSelector("[data-role='document-search']")).sendKeys("harbour");
        wait.until(d -> d.findElements(By.cssSelector("[data-role='document-item']")).size() == 1);
        assertEquals("1 of 2 documents", driver.findElement(By.cssSelector("[data-role='document-summary']")).getText());
        assertTrue(driver.findElement(By.cssSelector("[data-role='document-item']")).getText().contains("Harbour memo"));
        browser.screenshot("documents-view-mixed");
        assertEquals(List.of(), browser.consoleErrors());
    }
}
