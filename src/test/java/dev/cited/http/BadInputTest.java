package dev.cited.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a request can be wrong gets a JSON error with its documented code and no stack trace. */
class BadInputTest {
    private static CitedServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        // every row below is a request from this one address: more than the default budget a minute
        server = CitedServer.start(CitedConfig.builder().port(0).rateAskPerMinute(0).rateOtherPerMinute(0).build());
        api = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "/api/ask        | `{\"question\": `                               | 400 | invalid_json",
            "/api/ask        | `not json at all`                               | 400 | invalid_json",
            "/api/ask        | ``                                              | 400 | missing_body",
            "/api/ask        | `[]`                                            | 400 | invalid_json",
            "/api/ask        | `[{\"question\":\"Who is Jens Stoltenberg?\"}]` | 400 | invalid_json",
            "/api/ask        | `null`                                          | 400 | invalid_json",
            "/api/ask        | `\"Who is Jens Stoltenberg?\"`                  | 400 | invalid_json",
            "/api/ask        | `42`                                            | 400 | invalid_json",
            "/api/ask        | `{}`                                            | 400 | missing_question",
            "/api/ask        | `{\"conversationId\":\"c-1\"}`                  | 400 | missing_question",
            "/api/ask        | `{\"question\":null}`                           | 400 | missing_question",
            "/api/ask        | `{\"question\":\"\"}`                           | 400 | blank_question",
            "/api/ask        | `{\"question\":\"  \\t \\n \"}`                 | 400 | blank_question",
            "/api/ask        | `{\"question\":42}`                             | 400 | invalid_question",
            "/api/ask        | `{\"question\":{\"text\":\"hi\"}}`              | 400 | invalid_question",
            "/api/ask        | `{\"question\":[\"hi\"]}`                       | 400 | invalid_question",
            "/api/ask        | `{\"question\":true}`                           | 400 | invalid_question",
            "/api/ask        | `{\"question\":\"hi\",\"conversationId\":\"has space\"}`   | 400 | invalid_conversation_id",
            "/api/ask        | `{\"question\":\"hi\",\"conversationId\":\"../../etc\"}`   | 400 | invalid_conversation_id",
            "/api/ask        | `{\"question\":\"hi\",\"conversationId\":\"\"}`            | 400 | invalid_conversation_id",
            "/api/ask        | `{\"question\":\"hi\",\"conversationId\":7}`               | 400 | invalid_conversation_id",
            "/api/ask        | `{\"question\":\"hi\"} trailing`           | 400 | invalid_json",
            "/api/ask        | `{\"question\":\"hi\"}{\"question\":\"x\"}` | 400 | invalid_json",
            "/api/ask        | `{\"question\":\"hi\",\"question\":\"x\"}` | 400 | invalid_json",
            "/api/ask        | `{\"question\":\"hi\",}`                    | 400 | invalid_json",
            "/api/ask/stream | `{bad`                                          | 400 | invalid_json",
            "/api/ask/stream | `{}`                                            | 400 | missing_question",
            "/api/ask/stream | `{\"question\":7}`                              | 400 | invalid_question",
            "/api/feedback   | `{\"conversationId\":\"c-1\",\"turn\":1,\"rating\":\"meh\"}`      | 400 | invalid_rating",
            "/api/feedback   | `{\"conversationId\":\"c-1\",\"turn\":1}`                         | 400 | invalid_rating",
            "/api/feedback   | `{\"conversationId\":\"c-1\",\"turn\":0,\"rating\":\"up\"}`       | 400 | invalid_turn",
            "/api/feedback   | `{\"conversationId\":\"c-1\",\"turn\":-3,\"rating\":\"up\"}`      | 400 | invalid_turn",
            "/api/feedback   | `{\"conversationId\":\"c-1\",\"turn\":\"1\",\"rating\":\"up\"}`   | 400 | invalid_turn",
            "/api/feedback   | `{\"conversationId\":\"c-1\",\"turn\":1.5,\"rating\":\"up\"}`     | 400 | invalid_turn",
            "/api/feedback   | `{\"conversationId\":\"c-1\",\"rating\":\"up\"}`                  | 400 | invalid_turn",
            "/api/feedback   | `{\"turn\":1,\"rating\":\"up\"}`                                  | 400 | invalid_conversation_id",
            "/api/feedback   | `{\"conversationId\":\"a b\",\"turn\":1,\"rating\":\"up\"}`       | 400 | invalid_conversation_id",
            "/api/feedback   | `{\"conversationId\":\"c-1\",\"turn\":1,\"rating\":\"up\",\"comment\":5}` | 400 | invalid_comment",
            "/api/feedback   | `[]`                                            | 400 | invalid_json",
            "/api/feedback   | `{oops`                                         | 400 | invalid_json",
    })
    void badBodiesAreJsonErrors(String path, String body, int status, String code) {
        ApiClient.assertError(api.post(path, body == null ? "" : body), status, code);
    }

    /** Only JSON is read as JSON: a page elsewhere can post text/plain or a form to any site without asking. */
    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "/api/ask        | text/plain                        | 415 | unsupported_media_type",
            "/api/ask        | text/plain; charset=utf-8         | 415 | unsupported_media_type",
            "/api/ask        | application/x-www-form-urlencoded | 415 | unsupported_media_type",
            "/api/ask        | multipart/form-data; boundary=x   | 415 | unsupported_media_type",
            "/api/ask        | application/jsonp                 | 415 | unsupported_media_type",
            "/api/ask        | application/json; charset=latin1  | 415 | unsupported_media_type",
            "/api/ask        | ``                                | 415 | unsupported_media_type",
            "/api/ask/stream | text/plain                        | 415 | unsupported_media_type",
            "/api/ask/stream | ``                                | 415 | unsupported_media_type",
            "/api/feedback   | text/plain                        | 415 | unsupported_media_type",
            "/api/feedback   | application/x-www-form-urlencoded | 415 | unsupported_media_type",
            "/api/feedback   | ``                                | 415 | unsupported_media_type",
            "/api/ask        | application/json; charset=UTF-8   | 200 | ",
            "/api/ask        | Application/JSON;charset=\"utf-8\" | 200 | ",
    })
    void onlyJsonBodiesAreRead(String path, String contentType, int status, String code) {
        String body = path.equals("/api/feedback")
                ? "{\"conversationId\":\"c-1\",\"turn\":1,\"rating\":\"up\"}"
                : "{\"question\":\"Who is Jens Stoltenberg?\"}";
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).timeout(ApiClient.TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = api.send(request.build());
        if (code == null) {
            assertEquals(status, response.statusCode(), response.body());
        } else {
            JsonNode error = ApiClient.assertError(response, status, code);
            assertTrue(error.path("message").asText().contains("application/json"), error.toString());
        }
    }

    @Test
    void malformedJsonIsNamedInPlainWordsWithWhereNotTheParsersInternals() {
        for (String path : new String[]{"/api/ask", "/v1/chat/completions"}) {
            JsonNode error = ApiClient.assertError(api.post(path, "[1,2"), 400, "invalid_json");
            String message = error.path("message").asText();
            assertTrue(message.startsWith("The body is not valid JSON: Unexpected end-of-input")
                    && message.endsWith("(line 1, column 5)"), message);
            assertFalse(message.contains("Source") || message.contains("StreamReadFeature") || message.contains("["),
                    message);
        }
    }

    @Test
    void deeplyNestedJsonIsA400() {
        String nested = "{\"question\":\"hi\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        ApiClient.assertError(api.post("/api/ask", nested), 400, "invalid_json");
    }

    @Test
    void invalidUtf8IsA400() {
        byte[] body = {'{', '"', 'q', 'u', 'e', 's', 't', 'i', 'o', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/ask")).timeout(ApiClient.TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        ApiClient.assertError(api.send(request), 400, "invalid_json");
    }

    @Test
    void questionOverTheLimitIs413() {
        ApiClient.assertError(api.post("/api/ask", "{\"question\":\"" + "a".repeat(2001) + "\"}"), 413,
                "question_too_long");
        ApiClient.assertError(api.post("/api/ask/stream", "{\"question\":\"" + "a".repeat(2001) + "\"}"), 413,
                "question_too_long");
        // 2000 characters is still accepted (and, being nonsense, not answered from the documents).
        HttpResponse<String> atLimit = api.post("/api/ask", "{\"question\":\"" + "a".repeat(2000) + "\"}");
        assertEquals(200, atLimit.statusCode(), atLimit.body());
    }

    @Test
    void bodyOverSixtyFourKibibytesIs413() {
        String padding = "x".repeat(70 * 1024);
        String body = "{\"question\":\"Who is Jens Stoltenberg?\",\"padding\":\"" + padding + "\"}";
        // Several rounds: a server that answers before reading the body makes some of these resets, not 413s.
        for (int round = 0; round < 10; round++) {
            ApiClient.assertError(api.post("/api/ask", body), 413, "payload_too_large");
            ApiClient.assertError(api.post("/api/ask/stream", body), 413, "payload_too_large");
            ApiClient.assertError(api.post("/api/feedback", body), 413, "payload_too_large");
        }
    }

    @Test
    void chunkedBodyOverTheLimitIs413() {
        // No Content-Length: the size is only known while reading.
        byte[] chunk = "x".repeat(8 * 1024).getBytes(StandardCharsets.UTF_8);
        List<ByteBuffer> pieces = new java.util.ArrayList<>();
        pieces.add(ByteBuffer.wrap("{\"question\":\"hi\",\"padding\":\"".getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < 12; i++) {
            pieces.add(ByteBuffer.wrap(chunk));
        }
        pieces.add(ByteBuffer.wrap("\"}".getBytes(StandardCharsets.UTF_8)));
        List<byte[]> arrays = pieces.stream().map(ByteBuffer::array).toList();
        HttpRequest.BodyPublisher unsized = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofByteArrays(arrays));
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/ask")).timeout(ApiClient.TIMEOUT)
                .header("Content-Type", "application/json").POST(unsized).build();
        HttpResponse<String> response = api.send(request);
        ApiClient.assertError(response, 413, null);
    }

    @Test
    void unknownRouteIsAJson404() {
        ApiClient.assertError(api.get("/api/nothing"), 404, "not_found");
        ApiClient.assertError(api.post("/api/nothing", "{}"), 404, "not_found");
        ApiClient.assertError(api.get("/nothing.html"), 404, "not_found");
    }

    @Test
    void wrongMethodIsAJson405WithAllow() {
        for (String[] call : new String[][]{{"GET", "/api/ask"}, {"DELETE", "/api/ask"}, {"PUT", "/api/ask/stream"},
                {"POST", "/health"}, {"PUT", "/api/documents/004_c0a5f909db2a0263"}, {"PATCH", "/api/feedback"},
                {"POST", "/api/search"}}) {
            HttpResponse<String> response = api.method(call[0], call[1], call[0].equals("GET") ? null : "{}");
            // A known path with another method is a 405 (prefer405over404), naming what is allowed.
            JsonNode error = ApiClient.assertError(response, 405, "method_not_allowed");
            assertTrue(error.get("message").asText().contains(call[0] + " is not allowed on " + call[1]),
                    error.toString());
            String allow = response.headers().firstValue("Allow").orElse("");
            assertFalse(allow.isBlank(), Arrays.toString(call) + " has an Allow header");
            assertFalse(allow.contains(call[0]), allow);
        }
        assertTrue(api.method("DELETE", "/api/ask", null).headers().firstValue("Allow").orElse("").contains("POST"));
    }

    @Test
    void searchNeedsAQuery() {
        ApiClient.assertError(api.get("/api/search"), 400, "missing_query");
        ApiClient.assertError(api.get("/api/search?q="), 400, "missing_query");
        ApiClient.assertError(api.get("/api/search?q=%20%20"), 400, "missing_query");
        ApiClient.assertError(api.get("/api/search?k=3"), 400, "missing_query");
        ApiClient.assertError(api.get("/api/search?q=" + "a".repeat(2001)), 413, "query_too_long");
    }

    @ParameterizedTest
    @CsvSource({"0", "abc", "51", "-1", "1.5", "99999999999", "%20"})
    void searchRejectsBadK(String k) {
        if (k.equals("%20")) {
            // a blank k is the default, not an error
            assertEquals(200, api.get("/api/search?q=korea&k=%20").statusCode());
            return;
        }
        ApiClient.assertError(api.get("/api/search?q=korea&k=" + k), 400, "invalid_k");
    }

    @Test
    void searchAcceptsTheBoundsOfK() {
        assertEquals(200, api.get("/api/search?q=korea&k=1").statusCode());
        assertEquals(200, api.get("/api/search?q=korea&k=50").statusCode());
    }

    @Test
    void feedbackCommentOverTheLimitIs413() {
        ApiClient.assertError(api.post("/api/feedback", "{\"conversationId\":\"c-1\",\"turn\":1,\"rating\":\"up\","
                + "\"comment\":\"" + "a".repeat(2001) + "\"}"), 413, "comment_too_long");
    }

    @Test
    void goodFeedbackIsCreatedAndListed() {
        String conversationId = ApiClient.json(api.post("/api/ask", "{\"question\":\"Who is Jens Stoltenberg?\"}"))
                .path("conversationId").asText();
        HttpResponse<String> created = api.post("/api/feedback",
                "{\"conversationId\":\"" + conversationId + "\",\"turn\":1,\"rating\":\"DOWN\"}");
        assertEquals(201, created.statusCode(), created.body());
        String listed = api.get("/api/feedback").body();
        assertTrue(listed.contains("\"conversationId\":\"" + conversationId + "\""), listed);
        assertTrue(listed.contains("\"rating\":\"down\""), listed);
    }

    @Test
    void feedbackOnAnAnswerNeverGivenIs404AndNotStored() {
        String conversationId = ApiClient.json(api.post("/api/ask", "{\"question\":\"Who is Jens Stoltenberg?\"}"))
                .path("conversationId").asText();
        ApiClient.assertError(api.post("/api/feedback",
                "{\"conversationId\":\"" + conversationId + "\",\"turn\":2,\"rating\":\"up\"}"), 404, "unknown_turn");
        ApiClient.assertError(api.post("/api/feedback",
                "{\"conversationId\":\"c-never-asked\",\"turn\":1,\"rating\":\"up\"}"), 404, "unknown_turn");
        assertFalse(api.get("/api/feedback").body().contains("c-never-asked"));
    }

    @Test
    void anEscapingUriIsAJson400NotJettysHtml() {
        for (String path : List.of("/../pom.xml", "/%2e%2e/pom.xml", "/..;/pom.xml")) {
            HttpResponse<String> response = api.get(path);
            ApiClient.assertError(response, 400, "bad_request");
        }
    }
}
