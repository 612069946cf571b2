package dev.cited.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cited.access.Role;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import dev.cited.storage.Database;
import dev.cited.storage.SqlStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official openai npm client (src/test/node/openai-client, installed by the build with npm ci) run by Node
 * against the real server with sign-in on: a plain and a streamed completion with a valid key, a wrong key refused.
 */
class OpenAiNodeClientTest {
    private static final Path CLIENT = Path.of("src/test/node/openai-client");

    @TempDir
    static Path data;
    private static CitedServer server;
    private static String key;

    @BeforeAll
    static void start() {
        String url = Database.sqliteUrl(data);
        try (SqlStores stores = SqlStores.open(url, Clock.systemUTC(), 20, Duration.ofHours(1), Duration.ofDays(1))) {
            key = stores.apiKeys().create("node", Role.USER).secret();
        }
        server = CitedServer.start(CitedConfig.builder().port(0).host("127.0.0.1").databaseUrl(url).auth("keys").build());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode runClient(String question) throws IOException, InterruptedException {
        assertTrue(Files.isDirectory(CLIENT.resolve("node_modules/openai")),
                "the openai npm client is not installed: run the Maven build (npm ci in " + CLIENT + ")");
        Process node = new ProcessBuilder("node", "client.mjs", "http://127.0.0.1:" + server.port() + "/v1", key, question)
                .directory(CLIENT.toFile()).redirectErrorStream(false).start();
        byte[] out = node.getInputStream().readAllBytes();
        String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "node finished");
        String printed = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, node.exitValue(), printed + err);
        return V1Client.json(printed);
    }

    @Test
    void theNodeClientGetsTheSameCitedAnswerPlainAndStreamed() throws Exception {
        JsonNode result = runClient(OpenAiSdkTest.QUESTION);
        JsonNode plain = result.path("plain");
        JsonNode streamed = result.path("streamed");
        assertEquals("cited", plain.path("model").asText());
        assertEquals("stop", plain.path("finishReason").asText());
        assertTrue(plain.path("content").asText().contains("6m artillery shells"), plain.toString());
        assertTrue(plain.path("content").asText().contains("\n\nSources:\n[1] "), plain.toString());
        assertTrue(plain.path("grounded").asBoolean(), plain.toString());
        assertTrue(plain.path("usage").path("total_tokens").asInt() > 0, plain.toString());

        V1Client http = new V1Client(server.port(), key);
        http.assertQuotesExact(plain.path("citations"));
        assertTrue(plain.path("citations").size() >= 1, plain.toString());

        assertEquals("assistant", streamed.path("role").asText());
        assertEquals(plain.path("content").asText(), streamed.path("content").asText());
        assertEquals("stop", streamed.path("finishReason").asText());
        assertEquals(plain.path("citations"), streamed.path("citations"));
        assertTrue(streamed.path("grounded").asBoolean());
        assertTrue(streamed.path("chunks").asInt() > 3, streamed.toString());
        assertEquals(plain.path("usage"), streamed.path("usage"));

        assertEquals(List.of("cited"), V1Client.JSON.convertValue(result.path("models"), List.class));
        JsonNode refused = result.path("unauthorized");
        assertEquals(401, refused.path("status").asInt(), refused.toString());
        assertEquals("authentication_error", refused.path("type").asText(), refused.toString());
        assertEquals("invalid_key", refused.path("code").asText(), refused.toString());
    }
}
