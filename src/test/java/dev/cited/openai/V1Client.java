package dev.cited.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain HTTP to a real server on loopback: raw requests, the documents' texts, and OpenAI-shaped error checks. */
final class V1Client {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String key;
    private final Map<String, String> texts = new HashMap<>();

    V1Client(int port, String key) {
        this.base = "http://127.0.0.1:" + port;
        this.key = key;
    }

    String baseUrl() {
        return base + "/v1";
    }

    HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> chat(String body) {
        return send("POST", "/v1/chat/completions", "application/json", body);
    }

    /** The text GET /api/documents/{id} serves, which citations index into. */
    String documentText(String id) {
        return texts.computeIfAbsent(id, i -> {
            HttpResponse<String> response = send("GET", "/api/documents/" + i, null, null);
            assertEquals(200, response.statusCode(), response.body());
            return json(response.body()).path("text").asText();
        });
    }

    /** Every citation quotes its document exactly: cited_text is the text at [start_char_index, end_char_index). */
    void assertQuotesExact(JsonNode citations) {
        assertTrue(citations.isArray(), String.valueOf(citations));
        for (JsonNode c : citations) {
            assertEquals("char_location", c.path("type").asText(), c.toString());
            assertTrue(c.path("marker").asInt() >= 1, c.toString());
            assertFalse(c.path("document_title").asText().isBlank(), c.toString());
            String text = documentText(c.path("document_id").asText());
            assertEquals(text.substring(c.path("start_char_index").asInt(), c.path("end_char_index").asInt()),
                    c.path("cited_text").asText(), c.toString());
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("unparseable JSON: " + body, e);
        }
    }

    /** An OpenAI-shaped error: {"error": {"message", "type", "param", "code"}} and nothing else, no internals. */
    static JsonNode assertOpenAiError(HttpResponse<String> response, int status, String type, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().map().toString());
        JsonNode body = json(response.body());
        assertEquals(1, body.size(), response.body());
        JsonNode error = body.path("error");
        assertEquals(List.of("message", "type", "param", "code"), fieldNames(error), response.body());
        assertFalse(error.path("message").asText().isBlank(), response.body());
        assertFalse(response.body().matches("(?s).*(Exception|java\\.|\\bat dev\\.).*"), response.body());
        assertEquals(type, error.path("type").asText(), response.body());
        if (code != null) {
            assertEquals(code, error.path("code").asText(), response.body());
        }
        return error;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The data lines of an SSE body, in order, without "data: "; comments (": waiting") left out. */
    static List<String> dataLines(String sse) {
        List<String> data = new ArrayList<>();
        for (String event : sse.split("\n\n")) {
            for (String line : event.split("\n")) {
                if (line.startsWith("data: ")) {
                    data.add(line.substring(6));
                }
            }
        }
        return data;
    }
}
