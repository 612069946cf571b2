package dev.cited.mcp;

import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /mcp shares the budget of other requests: past it, a 429 with Retry-After, as the API gives. */
class McpRateLimitTest {
    @Test
    void givenTheOtherBudgetIsSpent_whenMcpIsCalled_then429WithRetryAfter() throws Exception {
        try (CitedServer server = CitedServer.start(CitedConfig.builder().port(0).retrieval("bm25")
                .rateOtherPerMinute(3).build())) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest initialize = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/mcp"))
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                            + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                            + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")).build();
            for (int i = 0; i < 3; i++) {
                assertEquals(200, http.send(initialize, HttpResponse.BodyHandlers.ofString()).statusCode());
            }
            HttpResponse<String> limited = http.send(initialize, HttpResponse.BodyHandlers.ofString());
            assertEquals(429, limited.statusCode(), limited.body());
            assertTrue(limited.body().contains("rate_limited"), limited.body());
            assertTrue(limited.headers().firstValue("Retry-After").isPresent());
        }
    }

    @Test
    void givenTheAskingBudgetIsSpent_whenTheAskToolIsCalled_then429WhileSearchesGoOn() throws Exception {
        try (CitedServer server = CitedServer.start(CitedConfig.builder().port(0).retrieval("bm25")
                .rateAskPerMinute(2).rateOtherPerMinute(100).build())) {
            HttpClient http = HttpClient.newHttpClient();
            URI mcp = URI.create("http://localhost:" + server.port() + "/mcp");
            HttpResponse<String> started = http.send(post(mcp, null, "{\"jsonrpc\":\"2.0\",\"id\":1,"
                    + "\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"), HttpResponse.BodyHandlers.ofString());
            String session = started.headers().firstValue("Mcp-Session-Id").orElseThrow();
            http.send(post(mcp, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
                    HttpResponse.BodyHandlers.ofString());
            String ask = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"ask\","
                    + "\"arguments\":{\"question\":\"Who is Jens Stoltenberg?\"}}}";
            String search = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"search\","
                    + "\"arguments\":{\"query\":\"Stoltenberg\"}}}";
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> answered = http.send(post(mcp, session, ask), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answered.statusCode(), answered.body());
                assertTrue(answered.body().contains("Stoltenberg"), "the servlet read the body the limit looked at: "
                        + answered.body());
            }
            HttpResponse<String> limited = http.send(post(mcp, session, ask), HttpResponse.BodyHandlers.ofString());
            assertEquals(429, limited.statusCode(), limited.body());
            assertTrue(limited.body().contains("questions a minute"), limited.body());
            assertEquals(200, http.send(post(mcp, session, search), HttpResponse.BodyHandlers.ofString()).statusCode(),
                    "a search spends the other budget");
        }
    }

    private static HttpRequest post(URI uri, String session, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-06-18");
        }
        return request.build();
    }
}
