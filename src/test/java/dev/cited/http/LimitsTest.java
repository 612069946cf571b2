package dev.cited.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The limits against abuse, on the real server: rate limits, connections per address, slow and malformed bodies. */
class LimitsTest {
    /** Long enough for anything the server is meant to do; nothing here asserts how fast. */
    private static final int READ_TIMEOUT_MS = 60_000;

    @Test
    void askingOverTheBudgetIs429WithRetryAfterAndOtherBudgetsAreSeparate() {
        try (CitedServer server = CitedServer.start(CitedConfig.builder().port(0).rateAskPerMinute(2)
                .rateOtherPerMinute(3).build())) {
            ApiClient api = new ApiClient(server.port());
            assertEquals(200, api.post("/api/ask", "{\"question\":\"Who is Jens Stoltenberg?\"}").statusCode());
            // a refused question (bad JSON) still costs a token: the limit is on requests, not on answers
            ApiClient.assertError(api.post("/api/ask/stream", "{bad"), 400, "invalid_json");
            HttpResponse<String> refused = api.post("/api/ask", "{\"question\":\"Who is Jens Stoltenberg?\"}");
            JsonNode error = ApiClient.assertError(refused, 429, "rate_limited");
            assertTrue(error.path("message").asText().contains("2 questions a minute"), error.toString());
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            ApiClient.assertError(api.post("/api/ask/stream", "{\"question\":\"Who?\"}"), 429, "rate_limited");

            // the other budget is untouched by asking, and runs out on its own
            for (int i = 0; i < 3; i++) {
                assertEquals(200, api.get("/api/documents").statusCode());
            }
            HttpResponse<String> listing = api.get("/api/ingest");
            ApiClient.assertError(listing, 429, "rate_limited");
            assertTrue(listing.headers().firstValue("Retry-After").isPresent());

            // not limited: health checks, the description, the web UI
            for (int i = 0; i < 20; i++) {
                assertEquals(200, api.get("/health").statusCode());
            }
            assertEquals(200, api.get("/openapi.json").statusCode());
            assertEquals(200, api.get("/").statusCode());
        }
    }

    @Test
    void connectionsPastThePerAddressCapAreClosed() throws Exception {
        int cap = 4;
        try (CitedServer server = CitedServer.start(CitedConfig.builder().port(0).maxConnectionsPerAddress(cap).build())) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < cap; i++) {
                    held.add(connect(server.port()));
                }
                // the first ones are served: a request on each, kept alive
                for (Socket socket : held) {
                    assertEquals(200, statusOf(get(socket, "/health", false)));
                }
                Socket extra = connect(server.port());
                assertClosed(extra);
                extra.close();

                // a connection given back makes room for another
                held.remove(0).close();
                Socket replacement = awaitServed(server.port());
                replacement.close();
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aMalformedChunkedBodyIsA400() throws Exception {
        try (CitedServer server = CitedServer.start(CitedConfig.builder().port(0).build());
             Socket socket = connect(server.port())) {
            send(socket, "POST /api/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{\"question\":\"hi\"}\r\n0\r\n\r\n");
            String response = readResponse(socket);
            assertEquals(400, statusOf(response), response);
            assertJsonError(response, "bad_request");
        }
    }

    @Test
    void aMalformedChunkedUploadIsA400() throws Exception {
        // multipart bodies are not buffered first: Jetty's own parser meets the bad chunk inside the upload
        try (CitedServer server = CitedServer.start(CitedConfig.builder().port(0).build());
             Socket socket = connect(server.port())) {
            send(socket, "POST /api/documents HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=XyZ\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "10\r\n--XyZ\r\nContent-\r\nnot-a-size\r\n\r\n");
            String response = readResponse(socket);
            assertEquals(400, statusOf(response), response);
            assertJsonError(response, null);
        }
    }

    @Test
    void aBodySentSlowerThanTheMinimumIsCutOffWithA408() throws Exception {
        try (CitedServer server = CitedServer.start(CitedConfig.builder().port(0).minRequestBytesPerSecond(100).build());
             Socket socket = connect(server.port())) {
            send(socket, "POST /api/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n");
            String response = trickle(socket);
            assertNotNull(response, "the connection was closed without the 408");
            assertEquals(408, statusOf(response), response);
            assertJsonError(response, "request_timeout");
        }
    }

    /**
     * Sends one byte a second until the server answers or closes the connection: its answer, or null when it
     * closed without one. Fails when the server is still reading after a minute.
     */
    private static String trickle(Socket socket) throws IOException {
        socket.setSoTimeout(1000);
        InputStream in = socket.getInputStream();
        for (int second = 0; second < 60; second++) {
            try {
                socket.getOutputStream().write('x');
                socket.getOutputStream().flush();
            } catch (SocketException closed) {
                return null;
            }
            try {
                int first = in.read();
                if (first == -1) {
                    return null;
                }
                socket.setSoTimeout(READ_TIMEOUT_MS);
                return (char) first + readResponse(socket);
            } catch (SocketTimeoutException stillWaiting) {
                // nothing yet: send the next byte
            } catch (SocketException reset) {
                return null;
            }
        }
        fail("a body trickling in at one byte a second was still being read after a minute");
        return null;
    }

    @Test
    void anUploadSentSlowerThanTheMinimumIsCutOff() throws Exception {
        // uploads are not buffered first: Jetty's own minimum data rate stops the read and closes the connection
        try (CitedServer server = CitedServer.start(CitedConfig.builder().port(0).minRequestBytesPerSecond(100).build());
             Socket socket = connect(server.port())) {
            send(socket, "POST /api/documents HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: 100000\r\n\r\n"
                    + "--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"slow.txt\"\r\n\r\n");
            String response = trickle(socket);
            if (response != null) {
                int status = statusOf(response);
                assertTrue(status == 408 || status == 400, response);
                assertJsonError(response, null);
            }
        }
    }

    @Test
    void theDescriptionDocumentsTheLimits() throws IOException {
        JsonNode spec;
        try (InputStream in = LimitsTest.class.getResourceAsStream("/openapi.json")) {
            spec = ApiClient.JSON.readTree(in);
        }
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode responses = op.getValue().path("responses");
            String name = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
            if (path.getKey().startsWith("/api/") || path.getKey().startsWith("/v1/") || path.getKey().equals("/mcp")) {
                assertTrue(responses.path("429").path("headers").has("Retry-After"), name + " documents 429");
            } else {
                assertTrue(responses.path("429").isMissingNode(), name + " is not rate-limited");
            }
        }));
        for (String path : List.of("/api/ask", "/api/ask/stream", "/api/feedback", "/v1/chat/completions")) {
            assertTrue(spec.path("paths").path(path).path("post").path("responses").has("415"), path + " documents 415");
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        return socket;
    }

    /** A connection the server serves, retried while the one given back is still being closed on its side. */
    private static Socket awaitServed(int port) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            Socket socket = connect(port);
            try {
                String response = get(socket, "/health", true);
                if (statusOf(response) == 200) {
                    return socket;
                }
            } catch (IOException closed) {
                // still at the cap
            }
            socket.close();
            Thread.sleep(100);
        }
        throw new AssertionError("no connection was served after one was given back");
    }

    private static void assertClosed(Socket socket) throws IOException {
        try {
            send(socket, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
            int read = socket.getInputStream().read();
            assertEquals(-1, read, "a connection past the cap was answered");
        } catch (SocketException reset) {
            // closed: reset instead of an orderly close, just as good
        }
    }

    private static String get(Socket socket, String path, boolean close) throws IOException {
        send(socket, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n");
        return readResponse(socket);
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads one response: its head, then Content-Length bytes (or up to the close). */
    private static String readResponse(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b == -1) {
                if (head.size() == 0) {
                    throw new SocketException("closed without a response");
                }
                break;
            }
            head.write(b);
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        int length = -1;
        for (String line : headText.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        byte[] body = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
        return headText + new String(body, StandardCharsets.UTF_8);
    }

    private static int statusOf(String response) {
        String[] statusLine = response.split("\r\n", 2)[0].split(" ");
        return Integer.parseInt(statusLine[1]);
    }

    private static void assertJsonError(String response, String code) throws IOException {
        String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        assertTrue(head.contains("content-type: application/json"), response);
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        ApiClient.assertNoInternals(body);
        JsonNode error = ApiClient.JSON.readTree(body).path("error");
        assertTrue(error.path("message").isTextual() && !error.path("message").asText().isBlank(), body);
        if (code != null) {
            assertEquals(code, error.path("code").asText(), body);
        }
    }
}
