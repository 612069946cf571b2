package dev.cited.http;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small java.net.http client for the real server on loopback, with JSON helpers and error assertions. */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client;
    private final String base;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    HttpClient http() {
        return client;
    }

    /** The path is sent exactly as written (no normalisation, no extra encoding). */
    URI uri(String rawPath) {
        return URI.create(base + rawPath);
    }

    HttpResponse<String> get(String rawPath) {
        return send(HttpRequest.newBuilder(uri(rawPath)).timeout(TIMEOUT).GET().build());
    }

    HttpResponse<String> post(String rawPath, String body) {
        return send(postRequest(rawPath, body));
    }

    HttpResponse<String> method(String method, String rawPath, String body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri(rawPath)).timeout(TIMEOUT).method(method, publisher).build());
    }

    /** POST as multipart/form-data, one part named {@code field} per file (name → bytes), as a browser sends it. */
    HttpResponse<String> upload(String rawPath, String field, java.util.Map<String, byte[]> files) {
        String boundary = "cited-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        files.forEach((name, bytes) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                    + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bytes);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(rawPath)).timeout(TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    HttpRequest postRequest(String rawPath, String body) {
        return HttpRequest.newBuilder(uri(rawPath)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST /api/ask with this question (and conversation), asserting 200, and returns the parsed body. */
    JsonNode ask(String question, String conversationId) {
        var body = JSON.createObjectNode().put("question", question);
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        HttpResponse<String> response = post("/api/ask", body.toString());
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    static JsonNode json(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                () -> "not JSON: " + response.headers().map() + " " + response.body());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("unparseable JSON: " + response.body(), e);
        }
    }

    /** The response is a JSON error of the given status and code, without any trace of the server's internals. */
    static JsonNode assertError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), () -> response.uri() + " -> " + response.body());
        assertNoInternals(response.body());
        JsonNode body = json(response);
        assertEquals(1, body.size(), response.body());
        JsonNode error = body.get("error");
        assertTrue(error != null && error.isObject(), response.body());
        assertTrue(error.path("code").isTextual() && !error.path("code").asText().isBlank(), response.body());
        assertTrue(error.path("message").isTextual() && !error.path("message").asText().isBlank(), response.body());
        if (code != null) {
            assertEquals(code, error.get("code").asText(), response.body());
        }
        return error;
    }

    static void assertNoInternals(String body) {
        assertFalse(body.contains("at dev.cited"), body);
        assertFalse(body.contains("Exception"), body);
        assertFalse(body.contains("\tat "), body);
        assertFalse(body.contains("io.javalin"), body);
        assertFalse(body.contains("org.eclipse"), body);
    }
}
