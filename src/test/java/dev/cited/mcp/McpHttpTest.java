package dev.cited.mcp;

import dev.cited.access.Role;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import dev.cited.document.Document;
import dev.cited.storage.Database;
import dev.cited.storage.SqlStores;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MCP over Streamable HTTP at /mcp on the real server, with CITED_AUTH=keys: the SDK's client with a bearer key
 * uses every tool and resource; without a key, or with a bad one, the endpoint answers 401; one user cannot
 * continue another's conversation.
 */
class McpHttpTest {
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    @TempDir
    static Path data;
    private static CitedServer server;
    private static String ann;
    private static String bob;

    @BeforeAll
    static void start() {
        String url = Database.sqliteUrl(data);
        try (SqlStores stores = SqlStores.open(url, Clock.systemUTC(), 20, Duration.ofHours(1), Duration.ofDays(1))) {
            ann = stores.apiKeys().create("ann", Role.USER).secret();
            bob = stores.apiKeys().create("bob", Role.USER).secret();
        }
        server = CitedServer.start(CitedConfig.builder().port(0).retrieval("bm25").databaseUrl(url).auth("keys")
                .unlimited().build());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String endpoint() {
        return "http://localhost:" + server.port();
    }

    private static McpSyncClient client(String key) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(endpoint())
                .endpoint("/mcp")
                .httpRequestCustomizer((request, method, uri, body, context) ->
                        request.header("Authorization", "Bearer " + key))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
        return client;
    }

    private static String documentText(String id) {
        return server.engine().index().document(id).map(Document::text).orElseThrow();
    }

    @Test
    void givenAKey_whenTheSdkClientUsesTheServer_thenEveryToolAndResourceWorks() {
        try (McpSyncClient client = client(ann)) {
            assertEquals("cited", client.getServerInfo().name());
            McpChecks.toolsAreListedWithSchemas(client);
            McpChecks.askCitesQuotesAndFollowsUp(client, McpHttpTest::documentText);
            McpChecks.abstentionIsAResult(client);
            McpChecks.searchReturnsPassagesAtTheirOffsets(client, McpHttpTest::documentText);
            Map<String, String> texts = McpChecks.resourcesAreListedAndRead(client,
                    server.engine().index().documents().size());
            texts.forEach((id, text) -> assertEquals(documentText(id), text, id));
            McpChecks.wrongArgumentsGiveErrorsAndTheSessionGoesOn(client, texts.keySet().iterator().next());
        }
    }

    @Test
    void givenAnotherUsersConversation_whenContinuedOverMcp_thenItIsUnknownToThem() {
        String conversation;
        try (McpSyncClient client = client(ann)) {
            conversation = (String) McpChecks.success(McpChecks.call(client, "ask",
                    Map.of("question", McpChecks.QUESTION))).get("conversation_id");
        }
        try (McpSyncClient client = client(bob)) {
            String message = McpChecks.error(McpChecks.call(client, "ask",
                    Map.of("question", "What did he say?", "conversation_id", conversation)));
            assertTrue(message.contains("no conversation"), message);
            McpChecks.success(McpChecks.call(client, "search", Map.of("query", "NATO")));
        }
    }

    @Test
    void givenNoKeyOrABadOne_whenMcpIsCalled_then401() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint() + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
        HttpResponse<String> none = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, none.statusCode(), none.body());
        assertTrue(none.body().contains("unauthenticated"), none.body());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        HttpResponse<String> bad = http.send(request.copy().header("Authorization", "Bearer cited_nope").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, bad.statusCode(), bad.body());
        HttpResponse<String> good = http.send(request.copy().header("Authorization", "Bearer " + ann).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, good.statusCode(), good.body());
        assertTrue(good.headers().firstValue("Mcp-Session-Id").isPresent(), good.headers().toString());
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(endpoint() + "/mcp"))
                .header("Authorization", "Bearer " + ann).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode(), get.body());
    }

    @Test
    void givenRequestsTheTransportRefuses_whenPosted_thenTheApisJsonErrorsInPlainWords() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String both = "application/json, text/event-stream";
        assertRefused(http, null, "application/json", INITIALIZE, null, 400, "not_acceptable");
        assertRefused(http, both, "text/plain", INITIALIZE, null, 415, "unsupported_media_type");
        assertRefused(http, both, "application/json", "{}", null, 400, "invalid_message");
        assertRefused(http, both, "application/json", "not json at all", null, 400, "invalid_message");
        String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
        assertRefused(http, both, "application/json", list, null, 400, "missing_session");
        assertRefused(http, both, "application/json", list, "no-such-session", 404, "unknown_session");
        HttpResponse<String> end = http.send(HttpRequest.newBuilder(URI.create(endpoint() + "/mcp"))
                .header("Authorization", "Bearer " + ann).header("Mcp-Session-Id", "no-such-session").DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, end.statusCode(), end.body());
        assertTrue(end.body().contains("unknown_session"), end.body());
    }

    private static void assertRefused(HttpClient http, String accept, String contentType, String body, String session,
                                      int status, String code) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint() + "/mcp"))
                .header("Authorization", "Bearer " + ann).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("{\"error\":{\"code\":\"" + code + "\""), response.body());
        assertFalse(response.body().matches("(?s).*(stackTrace|java\\.|io\\.modelcontextprotocol|JSONRPC).*"),
                response.body());
    }
}
