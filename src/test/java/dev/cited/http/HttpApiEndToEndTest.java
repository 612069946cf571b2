package dev.cited.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real app on a free port, driven over HTTP: documents, answers, follow-ups, abstention, streaming, headers. */
class HttpApiEndToEndTest {
    private static CitedServer server;
    private static ApiClient api;
    private static Map<String, String> texts;

    @BeforeAll
    static void start() {
        server = CitedServer.start(CitedConfig.builder().port(0).build());
        api = new ApiClient(server.port());
        texts = Answers.seedTexts();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void healthReportsWhatIsLoaded() {
        HttpResponse<String> response = api.get("/health");
        assertEquals(200, response.statusCode());
        JsonNode health = ApiClient.json(response);
        assertEquals("ok", health.get("status").asText());
        assertEquals(2, health.get("documents").asInt());
        assertTrue(health.get("passages").asInt() >= 2, health.toString());
        assertEquals("extractive", health.get("model").asText());
    }

    @Test
    void listsTheTwoSeedDocuments() {
        JsonNode list = ApiClient.json(api.get("/api/documents"));
        assertEquals(2, list.size());
        Set<String> ids = new TreeSet<>();
        for (JsonNode d : list) {
            String id = d.get("id").asText();
            ids.add(id);
            assertFalse(d.get("title").asText().isBlank(), d.toString());
            assertEquals(texts.get(id).length(), d.get("length").asInt(), d.toString());
        }
        assertEquals(texts.keySet(), ids);
        assertTrue(ids.contains("004_c0a5f909db2a0263"));
    }

    @Test
    void documentTextIsTheSeedFileExactly() throws Exception {
        for (String id : texts.keySet()) {
            HttpResponse<String> response = api.get("/api/documents/" + id);
            assertEquals(200, response.statusCode());
            JsonNode doc = ApiClient.json(response);
            assertEquals(id, doc.get("id").asText());
            String onDisk = new String(Files.readAllBytes(Path.of("seeds", id + ".txt")), StandardCharsets.UTF_8);
            assertEquals(onDisk, doc.get("text").asText());
            assertFalse(doc.get("title").asText().isBlank());
        }
    }

    @Test
    void unknownDocumentIsAJson404() {
        ApiClient.assertError(api.get("/api/documents/999_nothing"), 404, "document_not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/documents/..%2Fpom.xml",
            "/api/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/api/documents/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
            "/api/documents/%2e%2e%5cpom.xml",
            "/../pom.xml",
            "/..%2f..%2fpom.xml",
            "/web/../pom.xml",
            "/%2e%2e/pom.xml",
            "/..;/pom.xml",
            "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/seeds/../pom.xml",
            "/../seeds/004_c0a5f909db2a0263.txt",
            "/..%5c..%5cpom.xml"})
    void pathTraversalNeverReadsOutsideTheServedFolders(String path) throws Exception {
        HttpResponse<String> response = api.get(path);
        int status = response.statusCode();
        assertTrue(status == 404 || status == 400, path + " -> " + status + " " + response.body());
        ApiClient.assertError(response, status, null);
        String body = response.body();
        assertFalse(body.contains("<project"), path);
        assertFalse(body.contains("<artifactId>"), path);
        assertFalse(body.contains("root:x:0:0"), path);
        assertFalse(body.contains(Files.readString(Path.of("seeds", "004_c0a5f909db2a0263.txt")).substring(0, 60)), path);
    }

    @Test
    void answersWithExactQuotes() {
        JsonNode result = api.ask(Answers.QUESTION, null);
        Answers.assertGrounded(result, texts);
        assertTrue(result.get("conversationId").asText().startsWith("c-"), result.toString());
        assertEquals(1, result.get("turn").asInt());
        assertEquals("extractive", result.get("model").asText());
        assertEquals(Answers.QUESTION, result.get("searchQuery").asText());
        assertFalse(Answers.markers(result.get("answer").asText()).isEmpty(), result.toString());
        String answer = result.get("answer").asText().toLowerCase(Locale.ROOT);
        assertTrue(answer.contains("artillery") || answer.contains("shells"), answer);
    }

    @Test
    void followUpIsRewrittenFromTheConversation() {
        JsonNode first = api.ask("Who is Jens Stoltenberg?", null);
        Answers.assertGrounded(first, texts);
        String conversation = first.get("conversationId").asText();
        String followUp = "What did he say about North Korea?";
        JsonNode second = api.ask(followUp, conversation);
        Answers.assertValid(second, texts);
        assertEquals(conversation, second.get("conversationId").asText());
        assertEquals(2, second.get("turn").asInt());
        String searchQuery = second.get("searchQuery").asText();
        assertNotEquals(followUp, searchQuery);
        assertTrue(searchQuery.contains("Stoltenberg"), searchQuery);
    }

    @ParameterizedTest
    @ValueSource(strings = {"What is the capital of Brazil?", "Who won the 2022 World Cup?"})
    void abstainsWhenTheDocumentsDoNotSay(String question) {
        Answers.assertAbstains(api.ask(question, null), texts);
    }

    @Test
    void streamsTokensThenTheFullAnswer() {
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/ask/stream")).timeout(ApiClient.TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"" + Answers.QUESTION + "\"}"))
                .build();
        HttpResponse<String> response = api.send(request);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                response.headers().map().toString());
        assertTrue(response.headers().firstValue("Content-Security-Policy").isPresent());
        List<SseEvents.Event> events = SseEvents.parse(response.body());
        assertTrue(events.size() >= 2, response.body());
        SseEvents.Event last = events.get(events.size() - 1);
        assertEquals("done", last.name(), response.body());
        List<SseEvents.Event> tokens = events.subList(0, events.size() - 1);
        assertFalse(tokens.isEmpty());
        StringBuilder streamed = new StringBuilder();
        for (SseEvents.Event token : tokens) {
            assertEquals("token", token.name(), response.body());
            JsonNode data = token.json();
            assertTrue(data.path("text").isTextual(), token.toString());
            streamed.append(data.get("text").asText());
        }
        JsonNode done = last.json();
        Answers.assertGrounded(done, texts);
        assertEquals(done.get("answer").asText().replaceAll("\\s+", " ").strip(),
                streamed.toString().replaceAll("\\s+", " ").strip());
    }

    @Test
    void streamRejectsBadInputAsPlainJson() {
        HttpResponse<String> response = api.post("/api/ask/stream", "{\"question\":\"   \"}");
        ApiClient.assertError(response, 400, "blank_question");
    }

    @Test
    void contentSecurityPolicyOnThePageAndTheApi() {
        for (String path : List.of("/", "/health", "/api/documents", "/api/search?q=korea", "/api/nothing",
                "/api/documents/nope", "/openapi.json")) {
            HttpResponse<String> response = api.get(path);
            assertEquals(HttpApi.CONTENT_SECURITY_POLICY,
                    response.headers().firstValue("Content-Security-Policy").orElse(null), path);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), path);
        }
        HttpResponse<String> page = api.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        HttpResponse<String> posted = api.post("/api/ask", "{\"question\":\"" + Answers.QUESTION + "\"}");
        assertTrue(posted.headers().firstValue("Content-Security-Policy").isPresent());
        HttpResponse<String> rejected = api.get("/../pom.xml");
        assertTrue(rejected.headers().firstValue("Content-Security-Policy").isPresent(), "Jetty's own errors too");
    }

    @Test
    void searchReturnsScoredPassages() {
        JsonNode found = ApiClient.json(api.get("/api/search?q=artillery%20shells&k=3"));
        assertEquals("artillery shells", found.get("query").asText());
        assertEquals(3, found.get("results").size());
        for (JsonNode hit : found.get("results")) {
            String text = texts.get(hit.get("documentId").asText());
            assertEquals(text.substring(hit.get("start").asInt(), hit.get("end").asInt()), hit.get("text").asText());
            assertTrue(hit.get("score").isNumber());
        }
        assertEquals(5, ApiClient.json(api.get("/api/search?q=korea")).get("results").size());
        int many = ApiClient.json(api.get("/api/search?q=korea&k=50")).get("results").size();
        assertTrue(many > 5 && many <= 50, "k=50 gave " + many);
    }

    @Test
    void feedbackIsStoredAndListed() {
        JsonNode answer = api.ask(Answers.QUESTION, null);
        String conversation = answer.get("conversationId").asText();
        HttpResponse<String> created = api.post("/api/feedback", "{\"conversationId\":\"" + conversation
                + "\",\"turn\":1,\"rating\":\"up\",\"comment\":\"  exact quote, thanks  \"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode saved = ApiClient.json(created);
        assertEquals(conversation, saved.get("conversationId").asText());
        assertEquals("up", saved.get("rating").asText());
        assertEquals("exact quote, thanks", saved.get("comment").asText());
        boolean listed = false;
        for (JsonNode f : ApiClient.json(api.get("/api/feedback"))) {
            listed |= f.get("id").asText().equals(saved.get("id").asText())
                    && f.get("conversationId").asText().equals(conversation) && f.get("turn").asInt() == 1;
        }
        assertTrue(listed, "the new rating is listed");
    }
}
