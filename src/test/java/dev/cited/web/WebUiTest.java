package dev.cited.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web chat end to end: the real server on a free port, the page in Debian's headless Chromium. One server and
 * one browser serve every test here; each test starts from a fresh page with empty localStorage.
 */
@Timeout(value = 180)
@ExtendWith(RequiresChromium.class)
class WebUiTest {

    private static final Duration ANSWER_WAIT = Duration.ofSeconds(90);
    private static final String SHELLS = "How many artillery shells has North Korea sent to Russia?";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CitedServer server;
    private static Browser browser;
    private static ChromeDriver driver;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.available(), Browser.MISSING);
        server = CitedServer.start(CitedConfig.builder().port(0).build());
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

    // -----------------------------------------------------------------------------------------------------------

    @Test
    void answerStreamsInWithCitationMarkers() {
        recordAnswerMutations();
        WebElement box = question();
        assertEquals("Your question", driver.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']")).getText());
        box.sendKeys(SHELLS, Keys.ENTER);

        WebElement answer = waitForAnswer(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> log = (Map<String, Object>) js("return window.__citedLog;");
        @SuppressWarnings("unchecked")
        List<String> busy = (List<String>) log.get("busy");
        @SuppressWarnings("unchecked")
        List<String> states = (List<String>) log.get("states");
        @SuppressWarnings("unchecked")
        List<String> streamed = (List<String>) log.get("streamed");
        assertTrue(busy.contains("true"), "aria-busy was true while the answer was on its way: " + busy);
        assertEquals("false", answer.getAttribute("aria-busy"));
        assertTrue(states.contains("streaming"), "tokens were shown before the final answer: " + states);
        assertFalse(streamed.isEmpty(), "streamed text was written into the answer");
        assertFalse(streamed.get(streamed.size() - 1).isBlank(), "streamed text is not blank");

        assertEquals("answer", answer.getAttribute("data-state"));
        String text = answerText(answer);
        assertFalse(text.isBlank(), "the answer has text");
        List<WebElement> markers = answer.findElements(By.cssSelector("button[data-citation]"));
        assertFalse(markers.isEmpty(), "the answer has [n] citation markers: " + text);
        for (WebElement marker : markers) {
            String n = marker.getAttribute("data-citation");
            assertTrue(n.matches("\\d+"), n);
            assertEquals(n, marker.getText());
            assertTrue(marker.getAttribute("title").length() > 5, "hovering a marker shows its quote");
        }
        List<WebElement> sources = answer.findElements(By.cssSelector("[data-role='sources'] [data-role='source-item']"));
        assertFalse(sources.isEmpty(), "sources are listed under the answer");
        assertTrue(question().getAttribute("value").isEmpty(), "the box is emptied after sending");
        assertEquals(List.of(), browser.consoleErrors(), "no script errors or CSP violations");
        browser.screenshot("desktop-answer-light");
    }

    @Test
    void exampleQuestionsFitTheSeedsAndAskWhenClicked() {
        // Rendered again once the documents are known: wait for the four that fit the seeds, then look them up.
        wait(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("[data-role='example']")).size() == 4);
        WebElement first = driver.findElement(By.cssSelector("[data-role='example']"));
        assertEquals(SHELLS, first.getText());
        first.click();
        assertTrue(answerText(waitForAnswer(0)).contains("artillery shells"));
    }

    @Test
    void citationOpensTheSourceWithTheQuoteHighlightedAndInView() throws Exception {
        ask(SHELLS);
        WebElement answer = waitForAnswer(0);
        List<WebElement> markers = answer.findElements(By.cssSelector("button[data-citation]"));
        assertFalse(markers.isEmpty());
        WebElement marker = markers.get(markers.size() - 1);
        String documentId = marker.getAttribute("data-document-id");
        int start = Integer.parseInt(marker.getAttribute("data-start"));
        int end = Integer.parseInt(marker.getAttribute("data-end"));
        marker.click();

        WebElement source = driver.findElement(By.cssSelector("[data-role='source']"));
        WebElement mark = wait(ANSWER_WAIT).until(d -> {
            List<WebElement> marks = d.findElements(By.cssSelector("[data-role='source'] mark"));
            return marks.isEmpty() ? null : marks.get(0);
        });
        assertTrue(source.isDisplayed());

        JsonNode doc = getJson("/api/documents/" + URLEncoder.encode(documentId, StandardCharsets.UTF_8));
        String expected = doc.get("text").asText().substring(start, end);
        assertEquals(expected, markedText(), "the <mark> holds exactly the cited range");
        assertTrue(marker.getAttribute("title").contains(expected), "the marker's tooltip is the quote");
        assertEquals(doc.get("title").asText(), driver.findElement(By.id("source-title")).getText());
        String sourceText = driver.findElement(By.cssSelector("[data-role='source-text']")).getDomProperty("textContent");
        assertEquals(doc.get("text").asText(), sourceText, "the whole document is shown around the quote");

        wait(Duration.ofSeconds(10)).until(d -> inView(mark));
        assertTrue(driver.getCurrentUrl().contains("doc=" + documentId), driver.getCurrentUrl());
        browser.screenshot("desktop-source-light");

        browser.colorScheme("dark");
        assertEquals("rgb(20, 21, 24)", js("return getComputedStyle(document.body).backgroundColor"),
                "the dark palette follows prefers-color-scheme");
        browser.screenshot("desktop-source-dark");
        browser.colorScheme("light");

        new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.ESCAPE).perform();
        wait(Duration.ofSeconds(5)).until(d -> !source.isDisplayed());
        assertEquals(marker, driver.switchTo().activeElement(), "closing returns focus to the marker");
        assertEquals(List.of(), browser.consoleErrors(), "no script errors or CSP violations");
    }

    @Test
    void onATabletTheOverlaidSourceSwitchesOnAnotherCitationAndClosesOnAClickBesideIt() {
        browser.tablet();
        ask("What are the documents about?"); // one quote from each document
        WebElement answer = waitForAnswer(0);
        List<WebElement> items = answer.findElements(By.cssSelector("[data-role='source-item']"));
        assertTrue(items.size() >= 2, "the answer lists at least two sources");
        WebElement source = driver.findElement(By.cssSelector("[data-role='source']"));

        items.get(0).click();
        wait(Duration.ofSeconds(10)).until(d -> source.isDisplayed() && !markedText().isEmpty());
        String first = markedText();
        String second = items.get(1).findElement(By.cssSelector(".source-item-quote")).getText();
        // The overlaid panel may cover the second item, so it is clicked by script.
        js("arguments[0].click()", items.get(1));
        wait(Duration.ofSeconds(10)).until(d -> source.isDisplayed() && markedText().equals(second));
        assertFalse(first.equals(second), "a different quote is highlighted");
        browser.screenshot("tablet-source");

        int x = ((Number) js("return Math.round(arguments[0].getBoundingClientRect().left) - 40", source)).intValue();
        assertEquals("", js("const t = document.elementFromPoint(arguments[0], 580);"
                + "return t.closest('[data-role=source], [data-citation], [data-role=source-item]') ? t.outerHTML : ''", x),
                "the point beside the panel is plain chat");
        new org.openqa.selenium.interactions.Actions(driver).moveToLocation(x, 580).click().perform();
        wait(Duration.ofSeconds(5)).until(d -> !source.isDisplayed());
        assertEquals(List.of(), browser.consoleErrors(), "no script errors or CSP violations");
    }

    @Test
    void followUpContinuesTheConversation() throws Exception {
        ask("Who is Jens Stoltenberg?");
        waitForAnswer(0);
        ask("What did he say about North Korea?");
        WebElement second = waitForAnswer(1);
        browser.screenshot("desktop-follow-up");

        JsonNode chats = JSON.readTree((String) js("return localStorage.getItem('cited.chats.v1')"));
        assertEquals(1, chats.size(), "both turns belong to one chat");
        JsonNode turns = chats.get(0).get("turns");
        assertEquals(2, turns.size());
        String conversationId = turns.get(0).get("result").get("conversationId").asText();
        assertFalse(conversationId.isBlank());
        assertEquals(conversationId, turns.get(1).get("result").get("conversationId").asText());
        assertEquals(2, turns.get(1).get("result").get("turn").asInt());

        String searchQuery = turns.get(1).get("result").path("searchQuery").asText("");
        List<WebElement> shown = second.findElements(By.cssSelector("[data-role='search-query']"));
        if (!normalize(searchQuery).equals(normalize("What did he say about North Korea?")) && !searchQuery.isBlank()) {
            assertEquals(1, shown.size(), "a rewritten search is shown");
            assertTrue(shown.get(0).getText().contains(searchQuery));
        } else {
            assertTrue(shown.isEmpty());
        }
        String text = answerText(second);
        assertTrue(text.toLowerCase(Locale.ROOT).contains("ammunition"),
                "the follow-up knew who 'he' was (searched: " + searchQuery + "): " + text);
    }

    @Test
    void htmlInAQuestionIsShownAsTextAndRunsNothing() {
        String attack = "<img src=x onerror=alert(1)>";
        js("window.__citedXss = 0; window.alert = function () { window.__citedXss++; };");
        ask(attack);
        WebElement answer = waitForAnswer(0);
        WebElement shown = driver.findElement(By.cssSelector("[data-role='question']"));
        assertEquals(attack, shown.getText());
        assertTrue(shown.isDisplayed());
        assertTrue(driver.findElements(By.cssSelector("#thread img, #history img")).isEmpty(), "no element was made from the text");
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
        assertEquals(0L, js("return window.__citedXss"));
        assertEquals("false", answer.getAttribute("aria-busy"));
        assertEquals(attack, driver.findElement(By.cssSelector("[data-role='history-item'] .history-item-title")).getText());
    }

    @Test
    void pageIsServedWithAContentSecurityPolicyThatForbidsInlineScript() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'"), "CSP: " + csp);
        assertFalse(csp.contains("unsafe-inline"), "CSP: " + csp);
        assertFalse(page.body().contains("<script>"), "no inline script in index.html");
        assertFalse(page.body().matches("(?s).*\\son[a-z]+=.*"), "no inline event handlers in index.html");
        assertFalse(page.body().contains("style=\""), "no inline styles in index.html");
    }

    @Test
    void shiftEnterAddsALineAndEnterSends() {
        WebElement box = question();
        box.sendKeys("first line");
        box.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        box.sendKeys("second line");
        assertEquals("first line\nsecond line", box.getAttribute("value"));
        assertTrue(answers().isEmpty(), "Shift+Enter did not send");
        box.sendKeys(Keys.ENTER);
        waitForAnswer(0);
        assertEquals("first line\nsecond line",
                driver.findElement(By.cssSelector("[data-role='question']")).getDomProperty("textContent"));
    }

    @Test
    void phoneLayoutHasNoSidewaysScroll() {
        browser.phone();
        driver.navigate().refresh();
        waitUntilReady();
        assertNoSidewaysScroll("empty state");
        browser.screenshot("phone-empty");

        ask(SHELLS);
        WebElement answer = waitForAnswer(0);
        assertNoSidewaysScroll("answer");
        browser.screenshot("phone-answer");

        answer.findElements(By.cssSelector("button[data-citation]")).get(0).click();
        WebElement mark = wait(ANSWER_WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-role='source'] mark")));
        wait(Duration.ofSeconds(10)).until(d -> inView(mark));
        assertNoSidewaysScroll("source panel");
        browser.screenshot("phone-source");
        driver.findElement(By.cssSelector("[data-role='source-close']")).click();

        WebElement menu = driver.findElement(By.id("menu-button"));
        assertTrue(menu.isDisplayed(), "the conversation list sits behind a menu button on a phone");
        menu.click();
        WebElement item = wait(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-role='history-item']")));
        assertTrue(item.isDisplayed());
        assertNoSidewaysScroll("sidebar");
        browser.colorScheme("dark");
        browser.screenshot("phone-sidebar-dark");
    }

    @Test
    void feedbackButtonsStoreFeedback() throws Exception {
        ask(SHELLS);
        WebElement answer = waitForAnswer(0);
        JsonNode result = storedTurns().get(0).get("result");
        String conversationId = result.get("conversationId").asText();
        int turn = result.get("turn").asInt();

        answer.findElement(By.cssSelector("[data-role='feedback-down']")).click();
        WebElement status = answer.findElement(By.cssSelector("[data-role='feedback-status']"));
        wait(Duration.ofSeconds(10)).until(d -> status.getText().toLowerCase(Locale.ROOT).contains("recorded"));
        assertEquals("true", answer.findElement(By.cssSelector("[data-role='feedback-down']")).getAttribute("aria-pressed"));
        assertTrue(hasFeedback(conversationId, turn, "down", null), "the rating reached the server");

        WebElement comment = answer.findElement(By.cssSelector("[data-role='feedback-form'] textarea[name='comment']"));
        assertTrue(comment.isDisplayed(), "an optional comment can follow");
        comment.sendKeys("Quote is right but I wanted the date too.");
        answer.findElement(By.cssSelector("[data-role='feedback-send']")).click();
        wait(Duration.ofSeconds(10)).until(d -> status.getText().toLowerCase(Locale.ROOT).contains("comment recorded"));
        assertTrue(hasFeedback(conversationId, turn, "down", "Quote is right but I wanted the date too."));

        answer.findElement(By.cssSelector("[data-role='feedback-up']")).click();
        wait(Duration.ofSeconds(10)).until(d -> hasFeedbackQuietly(conversationId, turn, "up"));
        browser.screenshot("desktop-feedback");
    }

    @Test
    void abstentionLooksDifferentFromAnAnswerAndAnError() {
        ask("What is the capital of Brazil?");
        WebElement answer = waitForAnswer(0);
        assertEquals("abstain", answer.getAttribute("data-state"));
        assertTrue(answer.findElement(By.cssSelector("[data-role='abstention']")).isDisplayed());
        assertTrue(answer.findElements(By.cssSelector("button[data-citation]")).isEmpty());
        assertTrue(answer.findElements(By.cssSelector("[data-role='error']")).isEmpty());
        assertFalse(answerText(answer).isBlank());
        browser.screenshot("desktop-abstention");
    }

    @Test
    void networkErrorShowsInlineWithRetry() {
        // The next fetch fails as if the network were down; the retry goes through.
        js("const real = window.fetch; window.fetch = function () { window.fetch = real; "
                + "return Promise.reject(new TypeError('Failed to fetch')); };");
        ask(SHELLS);
        WebElement answer = waitForAnswer(0);
        assertEquals("error", answer.getAttribute("data-state"));
        WebElement error = answer.findElement(By.cssSelector("[data-role='error']"));
        assertTrue(error.isDisplayed());
        assertEquals("alert", error.getAttribute("role"));
        browser.screenshot("desktop-error");
        answer.findElement(By.cssSelector("[data-role='retry']")).click();
        wait(ANSWER_WAIT).until(d -> "answer".equals(answer.getAttribute("data-state"))
                && "false".equals(answer.getAttribute("aria-busy")));
        assertFalse(answer.findElements(By.cssSelector("button[data-citation]")).isEmpty());
        assertEquals(1, driver.findElements(By.cssSelector("[data-role='question']")).size(), "retry reuses the turn");
    }

    @Test
    void serverRejectionShowsItsMessageInline() {
        // The box stops at 2000 characters; a script can still put more there, and the server says no.
        js("const box = document.querySelector('textarea[name=question]'); box.value = 'x'.repeat(2100);"
                + "box.form.requestSubmit();");
        WebElement answer = waitForAnswer(0);
        assertEquals("error", answer.getAttribute("data-state"));
        WebElement error = answer.findElement(By.cssSelector("[data-role='error']"));
        assertTrue(error.isDisplayed());
        String message = error.findElement(By.cssSelector(".error-message")).getText();
        assertFalse(message.isBlank());
        assertTrue(answer.findElement(By.cssSelector("[data-role='retry']")).isDisplayed());
        assertTrue(driver.findElements(By.cssSelector("[data-role='history-item']")).isEmpty(), "failed turns are not saved");
    }

    @Test
    void newChatAndReopeningAPastChat() {
        ask(SHELLS);
        waitForAnswer(0);
        driver.findElement(By.cssSelector("[data-role='new-chat']")).click();
        assertTrue(answers().isEmpty(), "a new chat starts empty");
        assertTrue(driver.findElement(By.cssSelector("[data-role='empty-state']")).isDisplayed());

        ask("What is the capital of Brazil?");
        waitForAnswer(0);
        List<WebElement> items = driver.findElements(By.cssSelector("[data-role='history-item']"));
        assertEquals(2, items.size(), "both chats are in the sidebar");

        driver.navigate().refresh(); // kept in the browser
        waitUntilReady();
        WebElement old = wait(Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector("[data-role='history-item']")).stream()
                .filter(e -> e.getText().contains("artillery shells")).findFirst().orElse(null));
        old.click();
        List<WebElement> reopened = answers();
        assertEquals(1, reopened.size());
        assertEquals(SHELLS, driver.findElement(By.cssSelector("[data-role='question']")).getText());
        assertEquals("false", reopened.get(0).getAttribute("aria-busy"));
        assertFalse(reopened.get(0).findElements(By.cssSelector("button[data-citation]")).isEmpty(),
                "the reopened answer has its citations");
        WebElement current = driver.findElement(By.cssSelector("[data-role='history-item'][aria-current='true']"));
        assertTrue(current.getText().contains("artillery shells"), "the reopened chat is marked current");
        browser.screenshot("desktop-history");
    }

    @Test
    void documentsViewListsAndOpensEveryDocument() throws Exception {
        JsonNode documents = getJson("/api/documents");
        assertTrue(documents.size() > 0);
        driver.findElement(By.cssSelector("[data-role='documents-link']")).click();
        List<WebElement> cards = wait(Duration.ofSeconds(10)).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("[data-role='document-item']"));
            return found.size() == documents.size() ? found : null;
        });
        JsonNode first = documents.get(documents.size() - 1);
        WebElement card = cards.stream().filter(c -> first.get("id").asText().equals(c.getAttribute("data-document-id")))
                .findFirst().orElseThrow();
        assertTrue(card.getText().contains(first.get("title").asText()));
        card.click();
        JsonNode doc = getJson("/api/documents/" + URLEncoder.encode(first.get("id").asText(), StandardCharsets.UTF_8));
        WebElement text = driver.findElement(By.cssSelector("[data-role='source-text']"));
        wait(Duration.ofSeconds(10)).until(d -> doc.get("text").asText().equals(text.getDomProperty("textContent")));
        assertEquals(doc.get("title").asText(), driver.findElement(By.id("source-title")).getText());
        browser.screenshot("desktop-documents");
        assertEquals(List.of(), browser.consoleErrors(), "no script errors or CSP violations");
    }

    @Test
    void sourceLinkInTheAddressOpensTheHighlightedRange() throws Exception {
        JsonNode documents = getJson("/api/documents");
        String id = documents.get(0).get("id").asText();
        String text = getJson("/api/documents/" + URLEncoder.encode(id, StandardCharsets.UTF_8)).get("text").asText();
        int start = text.length() / 2;
        int end = Math.min(text.length(), start + 80);
        driver.get(base + "/#doc=" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "&start=" + start + "&end=" + end);
        driver.navigate().refresh();
        waitUntilReady();
        WebElement mark = wait(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-role='source'] mark")));
        assertEquals(text.substring(start, end), markedText());
        wait(Duration.ofSeconds(10)).until(d -> inView(mark));
    }

    @Test
    void everyControlHasAnAccessibleName() {
        ask(SHELLS);
        waitForAnswer(0);
        @SuppressWarnings("unchecked")
        List<String> unnamed = (List<String>) js(
                "return [...document.querySelectorAll('button, textarea, input, a[href]')]"
                        + ".filter(e => e.offsetParent !== null)"
                        + ".filter(e => !(e.getAttribute('aria-label') || e.textContent.trim() || (e.id && document.querySelector('label[for=\"' + e.id + '\"]'))))"
                        + ".map(e => e.outerHTML.slice(0, 120));");
        assertTrue(unnamed.isEmpty(), "controls without a name: " + unnamed);
        // Keyboard: Tab reaches the composer's send button, and focus is visible there.
        question().sendKeys(Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        assertEquals("send", focused.getAttribute("data-role"));
        assertFalse("none".equals(focused.getCssValue("outline-style")), "focus is visible");
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.pollingEvery(Duration.ofMillis(50));
        return wait;
    }

    private static void waitUntilReady() {
        wait(Duration.ofSeconds(15)).until(d -> "true".equals(js("return document.documentElement.dataset.ready || ''")));
    }

    private static WebElement question() {
        return driver.findElement(By.cssSelector("textarea[name='question']"));
    }

    private static void ask(String text) {
        WebElement box = question();
        box.clear();
        box.sendKeys(text);
        box.sendKeys(Keys.ENTER);
    }

    private static List<WebElement> answers() {
        return driver.findElements(By.cssSelector("[data-role='answer']"));
    }

    /** Waits for the index-th answer to exist and finish (aria-busy false). */
    private static WebElement waitForAnswer(int index) {
        return wait(ANSWER_WAIT).until(d -> {
            List<WebElement> all = answers();
            if (all.size() <= index) {
                return null;
            }
            WebElement answer = all.get(index);
            return "false".equals(answer.getAttribute("aria-busy")) ? answer : null;
        });
    }

    private static String answerText(WebElement answer) {
        return answer.findElement(By.cssSelector("[data-role='answer-text']")).getDomProperty("textContent");
    }

    /** Records how answers change, with a MutationObserver, so the test sees states too quick to poll. */
    private static void recordAnswerMutations() {
        js("const log = window.__citedLog = { busy: [], states: [], streamed: [] };"
                + "new MutationObserver(records => { for (const r of records) {"
                + "  if (r.type === 'attributes' && r.target.matches('[data-role=answer]')) {"
                + "    (r.attributeName === 'aria-busy' ? log.busy : log.states).push(r.oldValue);"
                + "  } else if (r.type === 'childList') {"
                + "    for (const n of r.addedNodes) {"
                + "      if (n.nodeType === 1 && n.querySelector('[data-role=answer]')) log.busy.push(n.querySelector('[data-role=answer]').getAttribute('aria-busy'));"
                + "      if (n.nodeType === 3 && r.target.matches('[data-role=answer-text]')) log.streamed.push(n.data);"
                + "    }"
                + "  }"
                + "} }).observe(document.getElementById('thread'), { subtree: true, childList: true, attributes: true,"
                + "  attributeOldValue: true, attributeFilter: ['aria-busy', 'data-state'] });");
    }

    /** The highlighted text: one <mark>, or one per line when a quote crosses a line break. */
    private static String markedText() {
        return (String) js("return [...document.querySelectorAll('[data-role=source] mark')].map(m => m.textContent).join('')");
    }

    private static boolean inView(WebElement element) {
        return Boolean.TRUE.equals(js(
                "const r = arguments[0].getBoundingClientRect();"
                        + "const p = document.querySelector('[data-role=source-text]').getBoundingClientRect();"
                        + "const top = Math.max(0, p.top), bottom = Math.min(window.innerHeight, p.bottom);"
                        + "return r.height > 0 && r.top < bottom && r.bottom > top && r.left >= 0 && r.right <= window.innerWidth + 1;",
                element));
    }

    private static void assertNoSidewaysScroll(String when) {
        long scrollWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
        long bodyScrollWidth = ((Number) js("return document.body.scrollWidth")).longValue();
        long viewport = ((Number) js("return window.innerWidth")).longValue();
        assertEquals(390, viewport, "phone viewport");
        assertTrue(scrollWidth <= 390, when + ": document is " + scrollWidth + " px wide");
        assertTrue(bodyScrollWidth <= 390, when + ": body is " + bodyScrollWidth + " px wide");
    }

    private static JsonNode storedTurns() throws IOException {
        JsonNode chats = JSON.readTree((String) js("return localStorage.getItem('cited.chats.v1')"));
        assertNotNull(chats);
        return chats.get(0).get("turns");
    }

    private static JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + " -> " + response.body());
        return JSON.readTree(response.body());
    }

    private static boolean hasFeedback(String conversationId, int turn, String rating, String comment)
            throws IOException, InterruptedException {
        JsonNode all = getJson("/api/feedback");
        List<JsonNode> matches = new ArrayList<>();
        for (JsonNode f : all) {
            if (conversationId.equals(f.path("conversationId").asText())
                    && f.path("turn").asInt() == turn
                    && rating.equalsIgnoreCase(f.path("rating").asText())
                    && (comment == null || comment.equals(f.path("comment").asText()))) {
                matches.add(f);
            }
        }
        return !matches.isEmpty();
    }

    private static boolean hasFeedbackQuietly(String conversationId, int turn, String rating) {
        try {
            return hasFeedback(conversationId, turn, rating, null);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
