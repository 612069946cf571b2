package dev.cited.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The source panel's views of a PDF and of a Markdown document, in the browser against the real server: a
 * citation into a three-page PDF (written here with PDFBox) opens on its page drawn by pdf.js, with the quote
 * marked on the page's text layer; a Markdown document is laid out as Markdown with the quote still exactly
 * text[start, end).
 */
@Timeout(value = 180)
@ExtendWith(RequiresChromium.class)
class SourceViewWebTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /**
     * On page 2, one sentence over three lines with a word hyphenated at a line end: three text items for pdf.js,
     * which the page view matches to Cited's text on letters and digits, however that text writes the line ends.
     */
    private static final String[] PAGE_TWO = {
            "In the spring survey the lighthouse keeper counted forty-two",
            "ships passing the harbour lights, the old pier and the north-",
            "ern breakwater during the storms of March, more than ever."};

    @TempDir
    static Path folder;
    private static CitedServer server;
    private static Browser browser;
    private static ChromeDriver driver;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.available(), Browser.MISSING);
        harbourReport(folder.resolve("harbour.pdf"));
        Files.writeString(folder.resolve("guide.md"), """
                # Field guide

                The crew must read **the safety rules** before the first shift, then [the manual](https://example.org/manual).
                Never follow [this link](javascript:alert(1)).

                - check the *ropes*
                - report every fault

                | Crane | Load |
                | --- | --- |
                | Crane 7 | 40 tonnes |
                """);
        server = CitedServer.start(CitedConfig.builder().port(0).seeds(folder).retrieval("bm25").build());
        base = "http://127.0.0.1:" + server.port();
        browser = new Browser();
        driver = browser.driver;
    }

    @AfterAll
    static void stop() {
        Browser.closeWith(browser, server);
    }

    @BeforeEach
    void freshPage() {
        browser.openFresh(base + "/");
    }

    @Test
    void givenACitationIntoAPdf_whenThePageViewIsChosen_thenThePageIsDrawnWithTheQuoteMarkedOnIt() throws Exception {
        WebElement box = driver.findElement(By.cssSelector("textarea[name='question']"));
        box.sendKeys("How many ships did the lighthouse keeper count in the spring survey?", Keys.ENTER);
        WebElement answer = wait(Duration.ofSeconds(90)).until(d -> {
            List<WebElement> all = d.findElements(By.cssSelector("[data-role='answer']"));
            return all.isEmpty() || !"false".equals(all.get(0).getAttribute("aria-busy")) ? null : all.get(0);
        });
        List<WebElement> markers = answer.findElements(By.cssSelector("button[data-citation][data-document-id='harbour']"));
        assertFalse(markers.isEmpty(), "answered from the PDF: " + answer.getText());
        markers.get(0).click();
        wait(WAIT).until(d -> !d.findElements(By.cssSelector("[data-role='source'] mark[data-role='highlight']")).isEmpty());
        assertEquals("Page 2", text("[data-role='source-page']"));
        String quote = markedText("[data-role='source-document'] mark");
        assertTrue(quote.contains("lighthouse keeper counted forty-two"), quote);
        WebElement original = driver.findElement(By.cssSelector("[data-role='source-original']"));
        assertTrue(original.getAttribute("href").endsWith("/api/documents/harbour/original#page=2"), original.getAttribute("href"));

        WebElement pageButton = driver.findElement(By.cssSelector("[data-role='source-view-page']"));
        assertEquals("false", pageButton.getAttribute("aria-pressed"), "the text view first");
        pageButton.click();
        WebElement page = wait(WAIT).until(d -> first("[data-role='pdf-page'][data-rendered='true']"));
        assertEquals("2", page.getAttribute("data-page"));
        assertEquals("Page 2 of 3", text("[data-role='pdf-page-label']"));
        assertEquals("true", pageButton.getAttribute("aria-pressed"));
        assertFalse(driver.findElement(By.cssSelector("[data-role='source-document']")).isDisplayed(),
                "the text view is hidden while the page shows");
        assertTrue(inkedPixels() > 500, "the canvas has the page drawn on it: " + inkedPixels() + " dark pixels");

        assertEquals(letters(quote), letters(markedText("[data-role='pdf-text-layer'] [data-role='pdf-highlight']")),
                "the quote, and only the quote, is marked on the page's text layer");
        assertEquals("The quote is highlighted on the page.", text("[data-role='pdf-status']"));
        Number markWidth = (Number) js("return document.querySelector('[data-role=pdf-highlight]').getBoundingClientRect().width");
        assertTrue(markWidth.doubleValue() > 50, "the mark sits over the words on the page, " + markWidth + "px wide");

        driver.findElement(By.cssSelector("[data-role='source-view-text']")).click();
        assertTrue(driver.findElement(By.cssSelector("[data-role='source-document']")).isDisplayed());
        assertFalse(driver.findElement(By.cssSelector("[data-role='pdf-view']")).isDisplayed());
        assertEquals(List.of(), browser.consoleErrors(), "no script errors or CSP violations");
    }

    @Test
    void givenAQuoteOverThreeLinesWithAHyphenatedWord_whenItsPageIsShown_thenEveryLineOfItIsMarkedAndPagesTurn() throws Exception {
        String text = getJson("/api/documents/harbour").get("text").asText();
        int start = text.indexOf("In the spring survey");
        int end = text.indexOf("more than ever.") + "more than ever.".length();
        assertTrue(start >= 0 && end > start, text);
        driver.get(base + "/#doc=harbour&start=" + start + "&end=" + end);
        wait(WAIT).until(d -> first("[data-role='source-view-page']")).click();
        wait(WAIT).until(d -> first("[data-role='pdf-page'][data-rendered='true'][data-page='2']"));

        List<WebElement> marks = driver.findElements(By.cssSelector("[data-role='pdf-text-layer'] [data-role='pdf-highlight']"));
        assertEquals(3, marks.size(), "one mark in each of the three lines' text items");
        assertTrue(marks.get(1).getText().endsWith("north"), "up to the last letter of the line, not its hyphen: "
                + marks.get(1).getText());
        assertEquals(letters(text.substring(start, end)), letters(markedText("[data-role='pdf-highlight']")));
        browser.screenshot("source-pdf-page");

        driver.findElement(By.cssSelector("[data-role='pdf-next']")).click();
        wait(WAIT).until(d -> first("[data-role='pdf-page'][data-rendered='true'][data-page='3']"));
        assertEquals("Page 3 of 3", text("[data-role='pdf-page-label']"));
        assertTrue(driver.findElements(By.cssSelector("[data-role='pdf-highlight']")).isEmpty(), "no quote on page 3");
        assertEquals("The quote is on page 2.", text("[data-role='pdf-status']"));
        assertTrue(driver.findElement(By.cssSelector("[data-role='pdf-next']")).getAttribute("disabled") != null,
                "no page after the last: Next is disabled");
        driver.findElement(By.cssSelector("[data-role='pdf-prev']")).click();
        wait(WAIT).until(d -> first("[data-role='pdf-page'][data-rendered='true'][data-page='2']"));
        wait(WAIT).until(d -> d.findElements(By.cssSelector("[data-role='pdf-highlight']")).size() == 3);
        assertEquals(List.of(), browser.consoleErrors(), "no script errors or CSP violations");
    }

    @Test
    void givenPdfjsTextThatDiffersFromCitedsText_whenTheQuoteIsLookedFor_thenItIsFoundOnLettersAndDigitsOnly() {
        // The matching the page view uses, run in the browser: ligatures, hyphens at line ends and spacing differ.
        Object found = js("return import('/pdf-view.js').then(m => {"
                + " const at = (page, quote) => JSON.stringify(m.locate(m.normalized(page).chars, m.normalized(quote).chars));"
                + " return [at('The eﬃcient north- ern  break water.', 'efficient northern breakwater'),"
                + "  at('Last lines of a page: the sentence runs on', 'the sentence runs on to the next page'),"
                + "  at('to the next page. Then more.', 'the sentence runs on to the next page.'),"
                + "  at('Nothing of it here at all.', 'the sentence runs on to the next page')].join(' '); })");
        assertEquals("{\"start\":3,\"end\":30,\"whole\":true} {\"start\":16,\"end\":33,\"whole\":false} "
                + "{\"start\":0,\"end\":13,\"whole\":false} null", found);
    }

    @Test
    void givenTheVendoredPdfjs_thenItIsServedAsJavaScriptAndNpmsFilesAreNot() throws Exception {
        for (String file : List.of("pdf.min.mjs", "pdf.worker.min.mjs")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/vendor/pdfjs/" + file))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), file);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"), file);
        }
        for (String buildFile : List.of("/package.json", "/package-lock.json", "/node_modules/pdfjs-dist/package.json",
                "/%6Eode_modules/pdfjs-dist/package.json", "/node_modules/")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + buildFile)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, response.statusCode(), "npm's files in web/ are not served: " + buildFile);
        }
    }

    @Test
    void givenAMarkdownDocument_whenOpenedOnARange_thenItIsLaidOutAsMarkdownAndTheMarkIsExactlyTheRange() throws Exception {
        String text = getJson("/api/documents/guide").get("text").asText();
        int start = text.indexOf("safety rules");
        int end = text.indexOf("every fault") + "every".length();
        driver.get(base + "/#doc=guide&start=" + start + "&end=" + end);
        wait(WAIT).until(d -> !d.findElements(By.cssSelector("[data-role='source'] mark")).isEmpty());

        assertEquals(text.substring(start, end), markedText("[data-role='source'] mark"),
                "the marks, joined, are exactly text[start, end) across paragraph, list and item");
        WebElement view = driver.findElement(By.cssSelector("[data-role='source-document']"));
        assertEquals(text, view.getAttribute("textContent"), "every character of the text, in order");
        assertEquals("Field guide", view.findElement(By.cssSelector("h3.md-heading")).getText());
        assertEquals("the safety rules", view.findElement(By.cssSelector("p strong")).getText());
        List<WebElement> items = view.findElements(By.cssSelector("ul > li"));
        assertEquals(List.of("check the ropes", "report every fault"), items.stream().map(WebElement::getText).toList(),
                "list items shown without the \"- \" of the text");
        assertEquals("ropes", items.get(0).findElement(By.cssSelector("em")).getText());
        assertEquals(List.of("Crane", "Load"), view.findElements(By.cssSelector("table th")).stream().map(WebElement::getText).toList());
        assertEquals("40 tonnes", view.findElements(By.cssSelector("table td")).get(1).getText());
        browser.screenshot("source-markdown");

        List<WebElement> links = view.findElements(By.cssSelector("a"));
        assertEquals(1, links.size(), "the javascript: link is plain text");
        assertEquals("https://example.org/manual", links.get(0).getAttribute("href"));
        assertEquals("noopener noreferrer", links.get(0).getAttribute("rel"));
        assertTrue(view.getText().contains("Never follow this link."), view.getText());
        assertFalse(driver.findElements(By.cssSelector("[data-role='source-view-page']")).size() > 0,
                "no page view for a document without pages");
        assertEquals(List.of(), browser.consoleErrors(), "no script errors or CSP violations");
    }

    // -----------------------------------------------------------------------------------------------------------

    /** Three A5 pages of Helvetica: a title page, the lighthouse sentence, a closing page. */
    private static void harbourReport(Path file) throws IOException {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        String[][] pages = {
                {"Harbour report", "", "A summary of the harbour year, written for the port board."},
                {"Ships", "", PAGE_TWO[0], PAGE_TWO[1], PAGE_TWO[2], "", "No ship was lost that winter."},
                {"Finances", "", "The port spent most of its budget on dredging the eastern channel."}};
        try (PDDocument pdf = new PDDocument()) {
            for (String[] lines : pages) {
                PDPage page = new PDPage(PDRectangle.A5);
                pdf.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(pdf, page)) {
                    out.beginText();
                    out.setFont(font, 10);
                    out.setLeading(16);
                    out.newLineAtOffset(40, PDRectangle.A5.getHeight() - 60);
                    for (String line : lines) {
                        out.showText(line);
                        out.newLine();
                    }
                    out.endText();
                }
            }
            pdf.save(file.toFile());
        }
    }

    /** Pixels of the page's canvas darker than light grey: text drawn, not a blank sheet. */
    private static long inkedPixels() {
        return ((Number) js("const c = document.querySelector('[data-role=pdf-page] canvas');"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + "for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && d[i] < 160) n++; return n;")).longValue();
    }

    private static String letters(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String markedText(String selector) {
        return (String) js("return [...document.querySelectorAll(arguments[0])].map(m => m.textContent).join('')", selector);
    }

    private static String text(String selector) {
        return driver.findElement(By.cssSelector(selector)).getText();
    }

    private static WebElement first(String selector) {
        List<WebElement> all = driver.findElements(By.cssSelector(selector));
        return all.isEmpty() ? null : all.get(0);
    }

    private static JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
