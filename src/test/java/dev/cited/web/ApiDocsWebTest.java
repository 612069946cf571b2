package dev.cited.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Swagger UI at /docs: the page, its script and styles load, and it renders every operation of openapi.json. */
@Timeout(value = 120)
@ExtendWith(RequiresChromium.class)
class ApiDocsWebTest {
    private static CitedServer server;
    private static Browser browser;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.available(), Browser.MISSING);
        server = CitedServer.start(CitedConfig.builder().port(0).retrieval("bm25").build());
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        Browser.closeWith(browser, server);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenDocs_whenFetched_thenThePageItsScriptsAndItsStylesAreServed() throws Exception {
        HttpResponse<String> page = get("/docs");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
        assertTrue(page.body().contains("/docs/ui/swagger-ui-bundle.js") && page.body().contains("/docs/ui/swagger-ui.css"),
                page.body());
        for (String asset : List.of("/docs/ui/swagger-ui-bundle.js", "/docs/ui/swagger-ui.css", "/docs/init.js")) {
            HttpResponse<String> file = get(asset);
            assertEquals(200, file.statusCode(), asset);
            assertTrue(file.body().length() > (asset.endsWith("init.js") ? 100 : 100_000), asset + ": " + file.body().length());
        }
        assertTrue(get("/docs/ui/swagger-ui.css").headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertEquals(404, get("/docs/ui/no-such-file.js").statusCode());
    }

    @Test
    void givenTheDocsPage_whenOpenedInABrowser_thenEveryOperationOfTheDescriptionIsRendered() throws Exception {
        JsonNode description = new ObjectMapper().readTree(get("/openapi.json").body());
        Set<String> expected = new TreeSet<>();
        for (Iterator<String> paths = description.get("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            description.get("paths").get(path).fieldNames().forEachRemaining(
                    method -> expected.add(method.toUpperCase() + " " + path));
        }
        browser.consoleErrors(); // start clean
        browser.driver.get("http://127.0.0.1:" + server.port() + "/docs");
        WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
        List<WebElement> operations = wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(".opblock-summary"));
            return found.size() >= expected.size() ? found : null;
        });
        Set<String> rendered = new TreeSet<>();
        for (WebElement op : operations) {
            String method = op.findElement(By.cssSelector(".opblock-summary-method")).getText().trim();
            String path = op.findElement(By.cssSelector(".opblock-summary-path")).getAttribute("data-path");
            rendered.add(method + " " + path);
        }
        assertEquals(expected, rendered);
        assertTrue(browser.driver.findElement(By.cssSelector(".info .title")).getText().contains(
                description.get("info").get("title").asText()));
        browser.screenshot("api-docs");
        assertEquals(List.of(), browser.consoleErrors(), "no script errors, no CSP violations");
    }
}
