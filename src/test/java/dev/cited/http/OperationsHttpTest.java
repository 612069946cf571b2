package dev.cited.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /metrics, the access log with request ids, and the health probes, on the real server. */
class OperationsHttpTest {
    private static final String DOCUMENT = "004_c0a5f909db2a0263";

    private static CitedServer server;
    private static ApiClient api;
    private static ListAppender<ILoggingEvent> accessLines;

    @BeforeAll
    static void start() {
        accessLines = new ListAppender<>();
        accessLines.start();
        Logger requests = (Logger) LoggerFactory.getLogger("cited.requests");
        requests.setLevel(ch.qos.logback.classic.Level.INFO); // the suite runs with CITED_ACCESS_LOG=warn
        requests.addAppender(accessLines);
        server = CitedServer.start(CitedConfig.builder().port(0).build());
        api = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() {
        Logger requests = (Logger) LoggerFactory.getLogger("cited.requests");
        requests.detachAppender(accessLines);
        requests.setLevel(null); // back to the configured level for the rest of the suite
        if (server != null) {
            server.close();
        }
    }

    private static Map<String, Double> scrape() {
        HttpResponse<String> response = api.get("/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        return PrometheusText.parse(response.body());
    }

    @Test
    void givenAQuestion_whenScraped_thenRequestsAnswerStagesCollectionAndJvmAreCounted() {
        Map<String, Double> before = scrape();
        Double asksBefore = PrometheusText.value(before, "http_server_requests_seconds_count",
                "method=\"POST\"", "route=\"/api/ask\"", "status=\"200\"");
        double retrievalsBefore = PrometheusText.value(before, "cited_answer_stage_seconds_count", "stage=\"retrieval\"");

        api.ask(Answers.QUESTION, null);
        assertEquals(200, api.get("/api/documents/" + DOCUMENT).statusCode());
        assertEquals(404, api.get("/api/documents/no-such-document").statusCode());
        assertEquals(404, api.get("/no/such/path").statusCode());

        Map<String, Double> after = scrape();
        double asks = PrometheusText.value(after, "http_server_requests_seconds_count",
                "method=\"POST\"", "route=\"/api/ask\"", "status=\"200\"");
        assertEquals((asksBefore == null ? 0 : asksBefore) + 1, asks, "one more answered ask");
        double seconds = PrometheusText.value(after, "http_server_requests_seconds_sum",
                "method=\"POST\"", "route=\"/api/ask\"", "status=\"200\"");
        assertTrue(seconds > 0 && seconds < 600, "a sane total duration: " + seconds);
        // a histogram: buckets up to +Inf, the last holding every request
        assertEquals(asks, PrometheusText.value(after, "http_server_requests_seconds_bucket",
                "route=\"/api/ask\"", "status=\"200\"", "le=\"+Inf\""));
        // route templates, never raw paths: the document id is not a label
        assertNotNull(PrometheusText.value(after, "http_server_requests_seconds_count",
                "route=\"/api/documents/{id}\"", "status=\"200\""));
        assertNotNull(PrometheusText.value(after, "http_server_requests_seconds_count",
                "route=\"/api/documents/{id}\"", "status=\"404\""));
        assertNotNull(PrometheusText.value(after, "http_server_requests_seconds_count",
                "route=\"unmatched\"", "status=\"404\""));
        assertFalse(after.keySet().stream().anyMatch(k -> k.contains(DOCUMENT) || k.contains("no-such")
                || k.contains("/no/such")), "no raw path in any label");

        assertEquals(retrievalsBefore + 1,
                PrometheusText.value(after, "cited_answer_stage_seconds_count", "stage=\"retrieval\""));
        assertTrue(PrometheusText.value(after, "cited_answer_stage_seconds_count", "stage=\"model\"") >= 1);
        assertTrue(PrometheusText.value(after, "cited_answer_stage_seconds_sum", "stage=\"retrieval\"") > 0);
        assertEquals(0.0, PrometheusText.value(after, "cited_model_failures_total", "kind=\"timeout\""));
        assertEquals(0.0, PrometheusText.value(after, "cited_model_failures_total", "kind=\"error\""));

        int documents = server.engine().index().documents().size();
        assertTrue(documents >= 2);
        assertEquals(documents, PrometheusText.value(after, "cited_documents"));
        assertEquals(server.engine().index().passageCount(), PrometheusText.value(after, "cited_passages"));
        assertEquals(PrometheusText.value(after, "cited_passages"), PrometheusText.value(after, "cited_passages_embedded"),
                "every seed passage has its vector");
        assertEquals(1.0, PrometheusText.value(after, "cited_index_ready"));
        assertEquals(documents, PrometheusText.value(after, "cited_ingest_files", "state=\"indexed\""));

        assertTrue(PrometheusText.value(after, "jvm_memory_used_bytes", "area=\"heap\"", "id=\"G1 Eden Space\"") != null
                || after.keySet().stream().anyMatch(k -> k.startsWith("jvm_memory_used_bytes{area=\"heap\"")));
        assertTrue(PrometheusText.value(after, "jvm_threads_live_threads") > 1);
        assertTrue(after.keySet().stream().anyMatch(k -> k.startsWith("jvm_gc_")), "GC metrics");
        assertTrue(PrometheusText.value(after, "process_uptime_seconds") > 0);
    }

    @Test
    void givenARequestId_whenAsked_thenItIsEchoedAndLoggedWithRouteStatusAndDuration() {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri("/api/documents/" + DOCUMENT))
                .header("X-Request-Id", "trace-42.a:b_c").GET().build());
        assertEquals(200, response.statusCode());
        assertEquals("trace-42.a:b_c", response.headers().firstValue("X-Request-Id").orElse(null));

        ILoggingEvent line = lineFor("trace-42.a:b_c");
        Map<String, Object> fields = fields(line);
        assertEquals("GET", fields.get("method"));
        assertEquals("/api/documents/{id}", fields.get("route"));
        assertEquals("/api/documents/" + DOCUMENT, fields.get("path"));
        assertEquals(200, fields.get("status"));
        assertTrue(((Number) fields.get("durationMs")).doubleValue() >= 0);
        assertEquals("trace-42.a:b_c", line.getMDCPropertyMap().get("requestId"), "the request's id is in the log context");
    }

    @Test
    void givenNoOrAnInsaneRequestId_whenAsked_thenANewOneIsMadeForEachRequest() {
        HttpResponse<String> bad = api.send(HttpRequest.newBuilder(api.uri("/health"))
                .header("X-Request-Id", "x".repeat(65)).GET().build());
        HttpResponse<String> spaces = api.send(HttpRequest.newBuilder(api.uri("/health"))
                .header("X-Request-Id", "a b\"c").GET().build());
        HttpResponse<String> none = api.get("/health");
        String badId = bad.headers().firstValue("X-Request-Id").orElseThrow();
        String spacesId = spaces.headers().firstValue("X-Request-Id").orElseThrow();
        String noneId = none.headers().firstValue("X-Request-Id").orElseThrow();
        for (String id : List.of(badId, spacesId, noneId)) {
            assertTrue(id.matches("[0-9a-f]{16}"), id);
        }
        assertNotEquals(badId, noneId);
        assertNotEquals(spacesId, noneId);
        assertEquals(200, fields(lineFor(noneId)).get("status"));
    }

    @Test
    void probesSayLiveAndReady_andHealthKeepsItsFields() {
        HttpResponse<String> live = api.get("/health/live");
        assertEquals(200, live.statusCode());
        assertEquals("live", ApiClient.json(live).path("status").asText());
        HttpResponse<String> ready = api.get("/health/ready");
        assertEquals(200, ready.statusCode());
        JsonNode body = ApiClient.json(ready);
        assertEquals("ready", body.path("status").asText());
        assertEquals("ready", body.path("ingest").asText());
        JsonNode health = ApiClient.json(api.get("/health"));
        for (String field : List.of("status", "documents", "passages", "model", "ingest")) {
            assertTrue(health.has(field), field);
        }
        assertEquals("ok", health.path("status").asText());
    }

    private static ILoggingEvent lineFor(String requestId) {
        synchronized (accessLines) {
            return accessLines.list.stream()
                    .filter(e -> requestId.equals(fields(e).get("requestId")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no access log line for " + requestId));
        }
    }

    private static Map<String, Object> fields(ILoggingEvent event) {
        Map<String, Object> fields = new java.util.HashMap<>();
        if (event.getKeyValuePairs() != null) {
            event.getKeyValuePairs().forEach(kv -> fields.put(kv.key, kv.value));
        }
        return fields;
    }
}
