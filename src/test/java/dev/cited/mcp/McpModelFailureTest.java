package dev.cited.mcp;

import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import dev.cited.testing.OpenAiStandIn;
import dev.cited.testing.OpenAiStandIn.Reply;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A language model that fails makes ask a tool error in plain words over MCP; the next question is answered. */
class McpModelFailureTest {
    @Test
    void givenTheModelServerFails_whenAskIsCalled_thenAToolErrorAndTheSessionGoesOn() {
        try (OpenAiStandIn standIn = OpenAiStandIn.start();
             CitedServer server = CitedServer.start(CitedConfig.builder().port(0).retrieval("bm25")
                     .model("openai:stand-in").modelTimeout(Duration.ofSeconds(5)).build(), standIn.env());
             McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport
                     .builder("http://localhost:" + server.port()).endpoint("/mcp").build())
                     .requestTimeout(Duration.ofSeconds(60)).build()) {
            client.initialize();
            standIn.enqueue(Reply.serverError());

            String message = McpChecks.error(McpChecks.call(client, "ask", Map.of("question", McpChecks.QUESTION)));

            assertTrue(message.startsWith("The language model failed to answer"), message);
            Map<String, Object> next = McpChecks.success(McpChecks.call(client, "ask",
                    Map.of("question", McpChecks.QUESTION)));
            assertEquals("openai:stand-in", next.get("model"));
        }
    }
}
