package dev.cited.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cited.access.IssuedKey;
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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CITED_AUTH=keys on the real server: keys, roles, owners of conversations, browser sessions and CSRF. */
class AuthHttpTest {
    @TempDir
    static Path data;
    private static CitedServer server;
    private static ApiClient api;
    private static String ann;
    private static String bob;
    private static String admin;
    private static String revoked;

    @BeforeAll
    static void start() {
        String url = Database.sqliteUrl(data);
        try (SqlStores stores = SqlStores.open(url, Clock.systemUTC(), 20, Duration.ofHours(1), Duration.ofDays(1))) {
            ann = stores.apiKeys().create("ann", Role.USER).secret();
            bob = stores.apiKeys().create("bob", Role.USER).secret();
            admin = stores.apiKeys().create("root", Role.ADMIN).secret();
            IssuedKey old = stores.apiKeys().create("carol", Role.ADMIN);
            stores.apiKeys().revoke(old.id());
            revoked = old.secret();
        }
        server = CitedServer.start(CitedConfig.builder().port(0).retrieval("bm25").databaseUrl(url).auth("keys").build());
        api = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(api.uri(path)).timeout(ApiClient.TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return api.http().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> ask(String key, String body) {
        return send("POST", "/api/ask", body, "Authorization", "Bearer " + key);
    }

    @Test
    void givenNoKey_whenTheApiIsCalled_then401WhileTheUiAndHealthStayOpen() {
        HttpResponse<String> refused = send("POST", "/api/ask", "{\"question\":\"Who is Jens Stoltenberg?\"}");
        ApiClient.assertError(refused, 401, "unauthenticated");
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        ApiClient.assertError(send("GET", "/api/documents", null), 401, "unauthenticated");
        ApiClient.assertError(send("GET", "/api/documents", null, "Authorization", "Bearer cited_nope"), 401, "invalid_key");
        ApiClient.assertError(ask(revoked, "{\"question\":\"Who?\"}"), 401, "invalid_key");
        assertEquals(200, send("GET", "/health", null).statusCode());
        assertEquals(200, send("GET", "/", null).statusCode());
        JsonNode session = ApiClient.json(send("GET", "/api/session", null));
        assertEquals("keys", session.path("auth").asText());
        assertFalse(session.path("signedIn").asBoolean());
    }

    @Test
    void givenAnnsConversation_whenBobContinuesOrRatesIt_thenItIsUnknownToHimAndAnnGoesOn() {
        JsonNode first = ApiClient.json(ask(ann, "{\"question\":\"Who is Jens Stoltenberg?\"}"));
        String id = first.path("conversationId").asText();
        HttpResponse<String> bobs = ask(bob, "{\"question\":\"What did he say?\",\"conversationId\":\"" + id + "\"}");
        ApiClient.assertError(bobs, 404, "unknown_conversation");
        assertFalse(bobs.body().contains("Stoltenberg"), "nothing of Ann's question leaks: " + bobs.body());
        ApiClient.assertError(send("POST", "/api/feedback", "{\"conversationId\":\"" + id + "\",\"turn\":1,\"rating\":\"down\"}",
                "Authorization", "Bearer " + bob), 404, "unknown_turn");
        JsonNode followUp = ApiClient.json(ask(ann, "{\"question\":\"What did he say about North Korea?\",\"conversationId\":\"" + id + "\"}"));
        assertEquals(2, followUp.path("turn").asInt());
        assertTrue(followUp.path("searchQuery").asText().contains("Stoltenberg"));
        assertEquals(201, send("POST", "/api/feedback", "{\"conversationId\":\"" + id + "\",\"turn\":2,\"rating\":\"up\"}",
                "Authorization", "Bearer " + ann).statusCode());
    }

    @Test
    void givenAUserKey_whenChangingTheCollectionOrListingFeedback_then403AndAnAdminMay() {
        ApiClient.assertError(send("GET", "/api/feedback", null, "Authorization", "Bearer " + ann), 403, "forbidden");
        ApiClient.assertError(send("DELETE", "/api/documents/no-such", null, "Authorization", "Bearer " + ann), 403, "forbidden");
        assertEquals(200, send("GET", "/api/feedback", null, "Authorization", "Bearer " + admin).statusCode());
        ApiClient.assertError(send("DELETE", "/api/documents/no-such", null, "Authorization", "Bearer " + admin), 404, "document_not_found");
        assertEquals(200, send("GET", "/api/documents", null, "Authorization", "Bearer " + ann).statusCode());
        ApiClient.assertError(send("GET", "/metrics", null), 401, "unauthenticated");
        ApiClient.assertError(send("GET", "/metrics", null, "Authorization", "Bearer " + ann), 403, "forbidden");
        HttpResponse<String> metrics = send("GET", "/metrics", null, "Authorization", "Bearer " + admin);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "a Prometheus scrape with an admin key");
        assertTrue(ApiClient.json(send("GET", "/health", null)).path("version").asText().matches("\\d+\\.\\d+.*"));
    }

    @Test
    void givenABrowserSignedInWithAKey_whenItAsks_thenTheCookieWorksOnlyWithTheCsrfTokenAndSignOutEndsIt() {
        ApiClient.assertError(send("POST", "/api/session", "{\"key\":\"cited_wrong\"}"), 401, "invalid_key");
        HttpResponse<String> signIn = send("POST", "/api/session", "{\"key\":\"" + ann + "\"}");
        assertEquals(200, signIn.statusCode(), signIn.body());
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        JsonNode body = ApiClient.json(signIn);
        String csrf = body.path("csrfToken").asText();
        assertEquals("ann", body.path("user").asText());
        assertEquals("user", body.path("role").asText());
        assertFalse(signIn.body().contains(cookie.substring(cookie.indexOf('=') + 1)), "the token is only in the cookie");

        JsonNode session = ApiClient.json(send("GET", "/api/session", null, "Cookie", cookie));
        assertTrue(session.path("signedIn").asBoolean());
        assertEquals(csrf, session.path("csrfToken").asText(), "a reloaded page gets the token again");
        assertEquals(200, send("GET", "/api/documents", null, "Cookie", cookie).statusCode(), "reading needs no token");
        String question = "{\"question\":\"Who is Jens Stoltenberg?\"}";
        ApiClient.assertError(send("POST", "/api/ask", question, "Cookie", cookie), 403, "csrf_token_missing");
        ApiClient.assertError(send("POST", "/api/ask", question, "Cookie", cookie, "X-CSRF-Token", "forged"), 403,
                "csrf_token_missing");
        assertEquals(200, send("POST", "/api/ask", question, "Cookie", cookie, "X-CSRF-Token", csrf).statusCode());

        ApiClient.assertError(send("DELETE", "/api/session", null, "Cookie", cookie), 403, "csrf_token_missing");
        assertEquals(204, send("DELETE", "/api/session", null, "Cookie", cookie, "X-CSRF-Token", csrf).statusCode());
        ApiClient.assertError(send("GET", "/api/documents", null, "Cookie", cookie), 401, "unauthenticated");
    }

    @Test
    void givenAConversation_whenListedOrReadBack_thenOnlyItsOwnerSeesIt() {
        JsonNode first = ApiClient.json(ask(bob, "{\"question\":\"Who is Kyrylo Budanov?\"}"));
        String id = first.path("conversationId").asText();
        JsonNode bobs = ApiClient.json(send("GET", "/api/conversations", null, "Authorization", "Bearer " + bob));
        List<String> ids = new ArrayList<>();
        bobs.forEach(c -> ids.add(c.path("id").asText()));
        assertTrue(ids.contains(id), bobs.toString());
        JsonNode read = ApiClient.json(send("GET", "/api/conversations/" + id, null, "Authorization", "Bearer " + bob));
        assertEquals("Who is Kyrylo Budanov?", read.path("turns").get(0).path("question").asText());
        assertFalse(read.path("turns").get(0).path("answer").path("citations").isEmpty());
        JsonNode anns = ApiClient.json(send("GET", "/api/conversations", null, "Authorization", "Bearer " + ann));
        anns.forEach(c -> assertFalse(c.path("id").asText().equals(id), "Ann does not see Bob's conversation"));
        ApiClient.assertError(send("GET", "/api/conversations/" + id, null, "Authorization", "Bearer " + ann), 404,
                "unknown_conversation");
    }
}
