package dev.cited.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import dev.cited.document.SampleFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Changing the collection from the Documents view, in the browser against the real server on a watched copy of
 * the seeds: a file added through the file input (and one dropped on the view) is reported, listed, answered from
 * with a citation into it, and deleted again; files that cannot be added say why in plain words; the progress
 * line ends saying every document is ready. Each test leaves the folder as it found it: the two seeds.
 */
@Timeout(value = 180)
@ExtendWith(RequiresChromium.class)
class CollectionWebTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    static Path folder;
    @TempDir
    static Path desk; // where the files to upload come from, outside the documents folder
    private static CitedServer server;
    private static Browser browser;
    private static ChromeDriver driver;
    private static String base;
    private final List<String> added = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.available(), Browser.MISSING);
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            for (Path seed : seeds.toList()) {
                Files.copy(seed, folder.resolve(seed.getFileName()));
            }
        }
        server = CitedServer.start(CitedConfig.builder().port(0).seeds(folder).retrieval("bm25").watch(true).build());
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

    /** Whatever a test added goes again, so the next one starts from the two seeds. */
    @AfterEach
    void removeAdded() throws Exception {
        for (String id : added) {
            send("DELETE", "/api/documents/" + id);
        }
    }

    // -----------------------------------------------------------------------------------------------------------

    @Test
    void givenAFileChosenWithAddFiles_whenUploaded_thenItIsListedAnsweredFromWithACitationAndDeletedAgain() throws Exception {
        openDocuments(2);
        WebElement progress = driver.findElement(By.cssSelector("[data-role='ingest-progress']"));
        wait(WAIT).until(d -> "ready".equals(progress.getAttribute("data-state")));
        assertEquals("All 2 documents ready", text("#ingest-title"));
        recordUploadStates();

        Path cranes = Files.writeString(desk.resolve("cranes.md"),
                "# Crane log\n\nCrane 7 was repaired by the night shift in October.\n");
        added.add("cranes");
        fileInput().sendKeys(cranes.toAbsolutePath().toString());

        WebElement result = wait(WAIT).until(d -> first("[data-role='upload-result']"));
        assertEquals("indexed", result.getAttribute("data-status"));
        assertEquals("cranes.md", result.findElement(By.cssSelector(".upload-name")).getText());
        assertEquals("Added", result.findElement(By.cssSelector(".upload-status")).getText());
        assertTrue(result.getText().contains("Cited answers from it now, as “Crane log”."), result.getText());
        assertEquals("1 file added", text("[data-role='upload-summary']"));
        assertTrue(uploadStates().contains("Uploading 1 file…"), "the upload said it was on its way: " + uploadStates());

        wait(WAIT).until(d -> cards().size() == 3);
        WebElement card = card("cranes");
        assertTrue(card.getText().contains("Crane log"), card.getText());
        assertEquals("3 documents", text("[data-role='document-summary']"));
        assertTrue(Files.exists(folder.resolve("cranes.md")), "stored in the documents folder");
        wait(WAIT).until(d -> text("#ingest-title").equals("All 3 documents ready"));
        assertTrue(driver.findElement(By.cssSelector("[data-role='ingest-indicator']")).getAttribute("hidden") != null,
                "no indexing indicator in the top bar once everything is ready");
        wait(WAIT).until(d -> text("[data-role='health']").startsWith("3 documents"));
        browser.screenshot("documents-uploaded");

        driver.findElement(By.id("view-chat")).click();
        WebElement box = driver.findElement(By.cssSelector("textarea[name='question']"));
        box.sendKeys("Who repaired crane 7?", Keys.ENTER);
        WebElement answer = wait(Duration.ofSeconds(90)).until(d -> {
            List<WebElement> all = d.findElements(By.cssSelector("[data-role='answer']"));
            return all.isEmpty() || !"false".equals(all.get(0).getAttribute("aria-busy")) ? null : all.get(0);
        });
        assertEquals("answer", answer.getAttribute("data-state"), answer.getText());
        WebElement marker = answer.findElement(By.cssSelector("button[data-citation]"));
        assertEquals("cranes", marker.getAttribute("data-document-id"));
        marker.click();
        wait(WAIT).until(d -> !d.findElements(By.cssSelector("[data-role='source'] mark")).isEmpty());
        assertEquals("Crane log", text("#source-title"));
        String documentText = getJson("/api/documents/cranes").get("text").asText();
        assertEquals(documentText.substring(Integer.parseInt(marker.getAttribute("data-start")),
                Integer.parseInt(marker.getAttribute("data-end"))), markedText());
        assertTrue(markedText().contains("night shift"), markedText());
        driver.findElement(By.cssSelector("[data-role='source-close']")).click();

        openDocuments(3);
        deleteButton("cranes").click();
        WebElement confirm = driver.findElement(By.cssSelector("[data-role='delete-confirm'][data-document-id='cranes']"));
        assertEquals("Delete “Crane log”?", confirm.getAttribute("aria-label"));
        assertEquals("Delete this document?", confirm.findElement(By.cssSelector("[data-role='delete-question']")).getText());
        assertEquals("delete-no", driver.switchTo().activeElement().getAttribute("data-role"), "focus on Cancel first");
        assertTrue(Files.exists(folder.resolve("cranes.md")), "nothing deleted before Yes");
        confirm.findElement(By.cssSelector("[data-role='delete-yes']")).click();

        wait(WAIT).until(d -> cards().size() == 2);
        assertTrue(driver.findElements(By.cssSelector("[data-role='document-item'][data-document-id='cranes']")).isEmpty());
        assertEquals("2 documents", text("[data-role='document-summary']"));
        WebElement notice = driver.findElement(By.cssSelector("[data-role='notice']"));
        assertEquals("ok", notice.getAttribute("data-kind"));
        assertTrue(notice.getText().startsWith("Deleted “Crane log”."), notice.getText());
        assertFalse(ids(getJson("/api/documents")).contains("cranes"), "gone from /api/documents");
        assertFalse(Files.exists(folder.resolve("cranes.md")));
        try (Stream<Path> trash = Files.list(folder.resolve(".cited-deleted"))) {
            assertTrue(trash.anyMatch(p -> p.getFileName().toString().endsWith("cranes.md")), "kept in the hidden trash");
        }
        wait(WAIT).until(d -> text("#ingest-title").equals("All 2 documents ready"));
        wait(WAIT).until(d -> text("[data-role='health']").startsWith("2 documents"));
        assertEquals(List.of(), browser.consoleErrors(), "no script errors or CSP violations");
    }

    @Test
    void givenFilesCitedCannotServe_whenUploaded_thenEachSaysWhyInPlainWordsAndNothingIsKept() throws Exception {
        openDocuments(2);
        Path tune = SampleFiles.audio(desk.resolve("tune.mp3"));
        Path notes = Files.writeString(desk.resolve("notes.txt"), "Sent together with the tune.");
        fileInput().sendKeys(notes.toAbsolutePath() + "\n" + tune.toAbsolutePath());

        WebElement error = wait(WAIT).until(d -> first("[data-role='upload-error']"));
        assertEquals("unsupported_type", error.getAttribute("data-code"));
        assertEquals("alert", error.getAttribute("role"));
        assertEquals("Not a type of file Cited reads", error.findElement(By.cssSelector(".error-title")).getText());
        String message = error.findElement(By.cssSelector(".error-message")).getText();
        assertTrue(message.startsWith("'tune.mp3' is not a type Cited reads. It reads "), message);
        assertTrue(message.contains("md") && message.contains("pdf"), "lists what it does read: " + message);
        assertTrue(message.endsWith("Nothing was added."), message);
        assertFalse(Files.exists(folder.resolve("notes.txt")), "a refused request stores nothing, not even the good file");
        assertEquals(2, cards().size());

        byte[] notAPdf = {'%', 'P', 'D', 'F', '-', '1', '.', '4', 0, 1, 2};
        Path broken = Files.write(desk.resolve("broken.pdf"), notAPdf);
        fileInput().sendKeys(broken.toAbsolutePath().toString());
        WebElement result = wait(WAIT).until(d -> first("[data-role='upload-result']"));
        assertEquals("failed", result.getAttribute("data-status"));
        assertEquals("Failed", result.findElement(By.cssSelector(".upload-status")).getText());
        String reason = result.findElement(By.cssSelector(".upload-reason")).getText();
        assertTrue(reason.startsWith("Could not be parsed"), reason);
        assertTrue(reason.endsWith("The file was not kept."), reason);
        assertEquals("The file was not added", text("[data-role='upload-summary']"));
        assertFalse(Files.exists(folder.resolve("broken.pdf")));
        assertEquals(2, cards().size());
        browser.screenshot("documents-upload-refused");
        assertEquals(List.of(), unexpectedConsoleErrors(415), "no script errors or CSP violations");
    }

    @Test
    void givenFilesDraggedOverTheView_whenDropped_thenTheZoneLightsUpAndTheyAreAdded() throws Exception {
        openDocuments(2);
        added.add("pilots");
        // A real DataTransfer holding a real File, as the browser builds one for a drag from the desktop.
        js("window.__citedDrag = new DataTransfer();"
                + "window.__citedDrag.items.add(new File(['The pilot boats were repainted blue in April.'], 'pilots.txt',"
                + " { type: 'text/plain' }));"
                + "const zone = document.querySelector('[data-role=drop-zone] .drop-zone-text');"
                + "for (const type of ['dragenter', 'dragover'])"
                + "  zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: window.__citedDrag }));");
        WebElement zone = driver.findElement(By.cssSelector("[data-role='drop-zone']"));
        assertTrue(driver.findElement(By.id("documents-view")).getAttribute("class").contains("is-dragover"));
        assertEquals("Drop the files to add them", zone.findElement(By.cssSelector(".drop-zone-active")).getText());
        assertFalse(zone.findElement(By.cssSelector(".drop-zone-idle")).isDisplayed());
        Object accent = js("return getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()");
        wait(Duration.ofSeconds(5)).until(d -> accent.equals(js(
                "const c = getComputedStyle(arguments[0]).borderTopColor.match(/\\d+/g).map(Number);"
                        + "return '#' + c.slice(0, 3).map(n => n.toString(16).padStart(2, '0')).join('');", zone)));
        browser.screenshot("documents-dragover");

        js("document.querySelector('[data-role=drop-zone] .drop-zone-text').dispatchEvent(new DragEvent('drop',"
                + " { bubbles: true, cancelable: true, dataTransfer: window.__citedDrag }));");
        assertFalse(driver.findElement(By.id("documents-view")).getAttribute("class").contains("is-dragover"));
        WebElement result = wait(WAIT).until(d -> first("[data-role='upload-result']"));
        assertEquals("indexed", result.getAttribute("data-status"));
        assertEquals("pilots.txt", result.getAttribute("data-name"));
        wait(WAIT).until(d -> cards().size() == 3);
        assertTrue(card("pilots").isDisplayed());
        assertEquals("The pilot boats were repainted blue in April.", Files.readString(folder.resolve("pilots.txt")));

        result.findElement(By.cssSelector("[data-role='upload-open']")).click();
        wait(WAIT).until(d -> text("[data-role='source-text']").contains("repainted blue"));
        assertEquals(List.of(), browser.consoleErrors(), "no script errors or CSP violations");
    }

    @Test
    void givenTheKeyboard_whenDeletingADocumentAlreadyRemoved_thenEscapeCancelsAndThe404IsSaidInPlainWords()
            throws Exception {
        openDocuments(2);
        Path note = Files.writeString(desk.resolve("harbour-note.txt"), "The harbour office closes at six on Fridays.");
        added.add("harbour-note");
        fileInput().sendKeys(note.toAbsolutePath().toString());
        wait(WAIT).until(d -> cards().size() == 3);

        WebElement delete = deleteButton("harbour-note");
        assertEquals("Delete “Harbour note”", delete.getAttribute("aria-label"));
        delete.sendKeys(Keys.ENTER);
        assertEquals("delete-no", driver.switchTo().activeElement().getAttribute("data-role"));
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait(WAIT).until(d -> d.findElements(By.cssSelector("[data-role='delete-confirm']")).isEmpty());
        WebElement focused = driver.switchTo().activeElement();
        assertEquals("document-delete", focused.getAttribute("data-role"), "Escape returns focus to Delete");
        assertEquals("harbour-note", focused.getAttribute("data-document-id"));
        assertFalse("none".equals(focused.getCssValue("outline-style")), "focus is visible");

        focused.sendKeys(Keys.ENTER);
        driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        WebElement yes = driver.switchTo().activeElement();
        assertEquals("delete-yes", yes.getAttribute("data-role"));
        // Someone else removes it meanwhile; the list holds it (a pending confirmation is not redrawn away).
        assertEquals(200, send("DELETE", "/api/documents/harbour-note").statusCode());
        yes.sendKeys(Keys.ENTER);

        WebElement notice = wait(WAIT).until(d -> first("[data-role='notice'][data-kind='error']"));
        assertEquals("alert", notice.getAttribute("role"));
        assertEquals("“Harbour note” was already removed", notice.findElement(By.cssSelector(".error-title")).getText());
        assertEquals("No document with id 'harbour-note'. The list is up to date now.",
                notice.findElement(By.cssSelector(".error-message")).getText());
        wait(WAIT).until(d -> cards().size() == 2);
        assertEquals("document-item", driver.switchTo().activeElement().getAttribute("data-role"),
                "focus moves to the card now in the removed row's place");
        assertEquals(List.of(), unexpectedConsoleErrors(404), "no script errors or CSP violations");
    }

    @Test
    void givenAPhone_whenAddingAndDeleting_thenNothingScrollsSideways() throws Exception {
        browser.phone();
        driver.navigate().refresh();
        wait(Duration.ofSeconds(15)).until(d -> "true".equals(js("return document.documentElement.dataset.ready || ''")));
        driver.findElement(By.id("menu-button")).click();
        wait(WAIT).until(d -> d.findElement(By.cssSelector("[data-role='documents-link']")).isDisplayed());
        openDocuments(2);
        WebElement add = driver.findElement(By.cssSelector("[data-role='add-files']"));
        assertTrue(add.isDisplayed() && add.getRect().getWidth() <= 390, "Add files is on screen");

        String name = "a-rather-long-file-name-for-a-small-screen-about-tugboats-and-their-crews.txt";
        Path tug = Files.writeString(desk.resolve(name), "The tugboat crews changed shifts at dawn.");
        added.add(name.replace(".txt", ""));
        fileInput().sendKeys(tug.toAbsolutePath().toString());
        wait(WAIT).until(d -> first("[data-role='upload-result']"));
        wait(WAIT).until(d -> cards().size() == 3);
        assertNoSidewaysScroll("upload results");
        deleteButton(name.replace(".txt", "")).click();
        WebElement yes = driver.findElement(By.cssSelector("[data-role='delete-yes']"));
        assertTrue(yes.isDisplayed());
        assertTrue(yes.getRect().getX() + yes.getRect().getWidth() <= 390, "the confirmation fits the screen");
        assertNoSidewaysScroll("delete confirmation");
        browser.screenshot("phone-documents-confirm");
        yes.click();
        wait(WAIT).until(d -> cards().size() == 2);
        assertNoSidewaysScroll("after the delete");
    }

    /**
     * With vectors (hybrid retrieval), an added file is answerable with BM25 at once and its passages are embedded
     * in the background: the top bar shows an indicator and the view a progress bar, both ending in "ready". The
     * page asks for progress as soon as the upload returns, and even a fast machine needs far longer than that
     * to embed a hundred and more passages, so the busy state is seen on any machine.
     */
    @Test
    void givenVectors_whenAFileIsAdded_thenTheTopBarAndTheViewShowTheEmbeddingUntilEverythingIsReady(@TempDir Path dense)
            throws Exception {
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            for (Path seed : seeds.toList()) {
                Files.copy(seed, dense.resolve(seed.getFileName()));
            }
        }
        try (CitedServer vectors = CitedServer.start(CitedConfig.builder().port(0).seeds(dense).retrieval("hybrid").build())) {
            driver.get("http://127.0.0.1:" + vectors.port() + "/");
            wait(Duration.ofSeconds(15)).until(d -> "true".equals(js("return document.documentElement.dataset.ready || ''")));
            openDocuments(2);
            wait(WAIT).until(d -> text("#ingest-title").equals("All 2 documents ready"));
            assertEquals("50 passages, searched by keyword and meaning", text("[data-role='ingest-detail']"));
            recordProgress();

            StringBuilder log = new StringBuilder("# Berth log\n\n");
            for (int day = 1; day <= 300; day++) {
                log.append("On day ").append(day).append(" berth ").append(day % 17 + 1).append(" unloaded ")
                        .append(day * 37 % 1000).append(" containers of ").append(CARGO[day % CARGO.length])
                        .append(" for the ").append(PORTS[day % PORTS.length]).append(" line.\n\n");
            }
            Path berths = Files.writeString(desk.resolve("berths.md"), log);
            fileInput().sendKeys(berths.toAbsolutePath().toString());

            WebElement progress = driver.findElement(By.cssSelector("[data-role='ingest-progress']"));
            wait(WAIT).until(d -> !"ready".equals(progress.getAttribute("data-state"))
                    || text("#ingest-title").equals("All 3 documents ready"));
            if (!"ready".equals(progress.getAttribute("data-state"))) {
                browser.screenshot("documents-embedding"); // for a look only: a fast machine may be done already
            }
            wait(Duration.ofSeconds(120)).until(d -> text("#ingest-title").equals("All 3 documents ready"));
            JsonNode done = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + vectors.port()
                    + "/api/ingest")).build(), HttpResponse.BodyHandlers.ofString()).body());
            int total = done.get("passages").get("total").asInt();
            assertEquals(total, done.get("passages").get("embedded").asInt());
            assertTrue(total >= 150, "the new file brought a hundred passages and more: " + done);

            List<Map<String, Object>> seen = progressSeen();
            Map<String, Object> busy = seen.stream().filter(e -> "embedding".equals(e.get("state"))).findFirst()
                    .orElseThrow(() -> new AssertionError("the embedding was never shown: " + seen));
            assertTrue(String.valueOf(busy.get("chip")).matches("Indexing \\d+%"), "top bar indicator: " + busy);
            assertEquals(true, busy.get("barShown"), "a progress bar while embedding: " + busy);
            assertEquals((double) total, ((Number) busy.get("max")).doubleValue(), "the bar runs to every passage: " + busy);
            assertTrue(((Number) busy.get("value")).doubleValue() < total, busy.toString());
            assertTrue(String.valueOf(busy.get("detail")).matches(
                    "3 of 3 files indexed · [\\d,]+ of " + String.format(java.util.Locale.US, "%,d", total)
                            + " passages embedded \\(\\d+%\\)( · [\\d,]+ a second)? · (about [\\d hmins]+ left|working out the time left)"),
                    "what the bar says: " + busy);
            WebElement bar = driver.findElement(By.cssSelector("[data-role='ingest-bar']"));
            assertEquals("progress", bar.getTagName(), "a native progress bar (role progressbar, value and max)");
            assertEquals("Searchable by keyword now; preparing search by meaning", busy.get("label"),
                    "the bar is named by the title above it: " + busy);

            assertEquals("ready", progress.getAttribute("data-state"));
            assertFalse(bar.isDisplayed(), "no bar once everything is ready");
            assertFalse(driver.findElement(By.cssSelector("[data-role='ingest-indicator']")).isDisplayed(),
                    "the top bar indicator goes once everything is ready");
            assertEquals(String.format(java.util.Locale.US, "%,d", total) + " passages, searched by keyword and meaning",
                    text("[data-role='ingest-detail']"));
            assertEquals(List.of(), browser.consoleErrors(), "no script errors or CSP violations");
        }
    }

    private static final String[] CARGO = {"coffee", "steel coils", "timber", "grain", "copper", "rice", "cotton"};
    private static final String[] PORTS = {"Rotterdam", "Lagos", "Busan", "Santos", "Mumbai", "Halifax"};

    // ------------------------------------------------------------------------------------------------- helpers

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.pollingEvery(Duration.ofMillis(50));
        return wait;
    }

    private static void openDocuments(int documents) {
        driver.findElement(By.cssSelector("[data-role='documents-link']")).click();
        wait(WAIT).until(d -> cards().size() == documents);
    }

    private static WebElement fileInput() {
        return driver.findElement(By.cssSelector("input[type='file'][data-role='file-input']"));
    }

    private static List<WebElement> cards() {
        return driver.findElements(By.cssSelector("[data-role='document-item']"));
    }

    private static WebElement card(String id) {
        return driver.findElement(By.cssSelector("[data-role='document-item'][data-document-id='" + id + "']"));
    }

    private static WebElement deleteButton(String id) {
        return driver.findElement(By.cssSelector("[data-role='document-delete'][data-document-id='" + id + "']"));
    }

    private static WebElement first(String css) {
        return driver.findElements(By.cssSelector(css)).stream().findFirst().orElse(null);
    }

    private static String text(String css) {
        WebElement found = first(css);
        return found == null ? "" : found.getText();
    }

    private static String markedText() {
        return (String) js("return [...document.querySelectorAll('[data-role=source] mark')].map(m => m.textContent).join('')");
    }

    /** Records every text the upload area shows, so the test sees the brief "Uploading…" state too. */
    private static void recordUploadStates() {
        js("const seen = window.__citedUpload = [];"
                + "const upload = document.querySelector('[data-role=upload]');"
                + "new MutationObserver(() => seen.push(upload.textContent.trim()))"
                + ".observe(upload, { childList: true, subtree: true, characterData: true });");
    }

    /** Records what the progress area and the top bar indicator show at every change. */
    private static void recordProgress() {
        js("const seen = window.__citedProgress = [];"
                + "const ingest = document.querySelector('[data-role=ingest-progress]');"
                + "const chip = document.querySelector('[data-role=ingest-indicator]');"
                + "const bar = document.querySelector('[data-role=ingest-bar]');"
                + "const note = () => seen.push({ state: ingest.dataset.state || '', chip: chip.hidden ? '' : chip.textContent.trim(),"
                + "  value: bar.hasAttribute('value') ? bar.value : null, max: bar.max, barShown: !bar.hidden,"
                + "  detail: ingest.querySelector('[data-role=ingest-detail]').textContent,"
                + "  label: document.getElementById(bar.getAttribute('aria-labelledby')).textContent });"
                + "for (const target of [ingest, chip]) new MutationObserver(note).observe(target,"
                + "  { subtree: true, childList: true, characterData: true, attributes: true });");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> progressSeen() {
        return (List<Map<String, Object>>) js("return window.__citedProgress");
    }

    @SuppressWarnings("unchecked")
    private static List<String> uploadStates() {
        return (List<String>) js("return window.__citedUpload");
    }

    /** Console errors besides the browser's own note of the one refusal the test asked for. */
    private static List<String> unexpectedConsoleErrors(int status) {
        return browser.consoleErrors().stream()
                .filter(e -> !(e.contains("/api/documents") && e.contains("status of " + status)))
                .toList();
    }

    private static void assertNoSidewaysScroll(String when) {
        long scrollWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
        long bodyScrollWidth = ((Number) js("return document.body.scrollWidth")).longValue();
        long inner = ((Number) js("return document.querySelector('.documents-inner').scrollWidth")).longValue();
        long viewport = ((Number) js("return window.innerWidth")).longValue();
        assertEquals(390, viewport, "phone viewport");
        assertTrue(scrollWidth <= 390, when + ": document is " + scrollWidth + " px wide");
        assertTrue(bodyScrollWidth <= 390, when + ": body is " + bodyScrollWidth + " px wide");
        assertTrue(inner <= 390, when + ": the documents view is " + inner + " px wide");
    }

    private static List<String> ids(JsonNode documents) {
        List<String> ids = new ArrayList<>();
        documents.forEach(d -> ids.add(d.get("id").asText()));
        return ids;
    }

    private static JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", path);
        assertEquals(200, response.statusCode(), path + " -> " + response.body());
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/json").timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
