package dev.cited.llm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.answer.Answer;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import dev.cited.chunking.Passage;
import dev.cited.citation.CitationAssembler;
import dev.cited.conversation.AskResult;
import dev.cited.testing.OpenAiStandIn;
import dev.cited.testing.OpenAiStandIn.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.cited.llm.Grounding.assertContract;
import static dev.cited.llm.Grounding.assertPromptNumbers;
import static dev.cited.llm.Grounding.assertWithin;
import static dev.cited.llm.Grounding.citation;
import static dev.cited.llm.Grounding.longestSentence;
import static dev.cited.llm.Grounding.retrieved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real server on a free port with {@code --model openai:stand-in}: POST /api/ask and /api/ask/stream
 * against a local OpenAI-compatible stand-in, including a failing, a slow and a stalling server.
 */
class ModelAnswerHttpTest {
    private static final String QUESTION = ModelAnswerEngineTest.QUESTION;
    private static final Duration MODEL_TIMEOUT = Duration.ofSeconds(2);
    /** How long the slow stand-in sleeps: far beyond the model timeout. */
    private static final Duration SLOW = Duration.ofSeconds(12);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static OpenAiStandIn standIn;
    private static CitedServer server;
    private static HttpClient http;

    /** One server-sent event. */
    record Event(String name, JsonNode data) {
    }

    @BeforeAll
    static void start() {
        standIn = OpenAiStandIn.start();
        server = CitedServer.start(CitedConfig.builder().port(0).model("openai:stand-in").modelTimeout(MODEL_TIMEOUT)
                .build(), standIn.env());
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
        standIn.close();
    }

    @BeforeEach
    void reset() {
        standIn.reset();
    }

    @Test
    void givenTheModelCitesPassages_whenPostingAsk_thenTheJsonAnswerMapsEachMarkerIntoThePassageSent() throws Exception {
        List<Passage> sent = retrieved(server.engine(), QUESTION);
        String second = longestSentence(sent.get(1));
        standIn.reply(second + " [2] Kim also sent rockets [9].");

        HttpResponse<String> response = post("/api/ask", Map.of("question", QUESTION));

        assertEquals(200, response.statusCode(), response.body());
        AskResult result = JSON.readValue(response.body(), AskResult.class);
        assertPromptNumbers(standIn.requests().get(0).prompt(), sent);
        assertFalse(standIn.requests().get(0).stream());
        assertTrue(result.grounded());
        assertEquals(CitationAssembler.attach(second, 1), result.answer(), "the invented statement is not shown");
        assertEquals(List.of("Kim also sent rockets."), result.unsupported().stream().map(u -> u.text()).toList());
        assertEquals(1, result.citations().size());
        assertWithin(citation(result, 1), sent.get(1));
        assertContract(result, server.engine());
        assertEquals("openai:stand-in", result.model());
        assertEquals(QUESTION, result.searchQuery());
        assertFalse(response.body().contains("[9]"));
    }

    @Test
    void givenTheModelStreams_whenPostingAskStream_thenTokensArriveInOrderThenDoneCarriesTheFullAnswer() throws Exception {
        List<Passage> sent = retrieved(server.engine(), QUESTION);
        String first = longestSentence(sent.get(0));
        List<String> chunks = List.of(first.substring(0, 7), first.substring(7), " [1]", " Pyongyang", " gained [7].");
        standIn.enqueue(Reply.chunks(chunks.toArray(String[]::new)));

        List<Event> events = stream(Map.of("question", QUESTION));

        assertTrue(standIn.requests().get(0).stream(), "the streaming endpoint streams from the model");
        assertPromptNumbers(standIn.requests().get(0).prompt(), sent);
        List<String> tokens = events.stream().filter(e -> e.name().equals("token"))
                .map(e -> e.data().path("text").asText()).toList();
        assertEquals(chunks, tokens);
        Event done = events.get(events.size() - 1);
        assertEquals("done", done.name());
        assertEquals(chunks.size() + 1, events.size(), "tokens, then one done");
        AskResult result = JSON.treeToValue(done.data(), AskResult.class);
        assertEquals(CitationAssembler.attach(first, 1), result.answer(), "done carries the verified answer");
        assertEquals("Pyongyang gained.", result.unsupported().get(0).text());
        assertTrue(result.grounded());
        assertWithin(citation(result, 1), sent.get(0));
        assertContract(result, server.engine());
        assertFalse(done.data().path("conversationId").asText().isBlank());
    }

    @Test
    void givenTheModelDeclines_whenPostingAskStream_thenDoneSaysTheDocumentsDontSay() throws Exception {
        standIn.reply("NOT_IN_DOCUMENTS");

        List<Event> events = stream(Map.of("question", "Who won the 2022 World Cup?"));

        Event done = events.get(events.size() - 1);
        assertEquals("done", done.name());
        assertFalse(done.data().path("grounded").asBoolean(true));
        assertEquals(0, done.data().path("citations").size());
        assertEquals(Answer.ABSTENTION, done.data().path("answer").asText());
    }

    @Test
    void givenAConversation_whenAFollowUpIsPosted_thenItsSearchQueryIsTheModelsRewrite() throws Exception {
        String rewritten = "North Korea artillery shells Russia estimate";
        standIn.respond(request -> request.prompt().contains("Standalone query:")
                ? Reply.text(rewritten) : Reply.text("It has dispatched an estimated 6m artillery shells [1]."));
        AskResult first = JSON.readValue(post("/api/ask", Map.of("question", QUESTION)).body(),
                AskResult.class);

        HttpResponse<String> response = post("/api/ask",
                Map.of("question", "How many of them?", "conversationId", first.conversationId()));

        assertEquals(200, response.statusCode(), response.body());
        AskResult second = JSON.readValue(response.body(), AskResult.class);
        assertEquals(first.conversationId(), second.conversationId());
        assertEquals(rewritten, second.searchQuery());
        assertEquals(3, standIn.requests().size());
        assertTrue(standIn.requests().get(1).prompt().contains("User: " + QUESTION));
        assertEquals("It has dispatched an estimated 6m artillery shells [1].", first.answer());
        assertTrue(standIn.requests().get(2).prompt().contains("Assistant: It has dispatched an estimated 6m artillery shells.\n"),
                standIn.requests().get(2).prompt());
        assertPromptNumbers(standIn.requests().get(2).prompt(), retrieved(server.engine(), rewritten));
    }

    @Test
    void givenTheModelServerFails_whenPostingAsk_then502ModelErrorWithoutStackTraceAndTheServerKeepsServing() throws Exception {
        standIn.enqueue(Reply.serverError());

        HttpResponse<String> failed = post("/api/ask", Map.of("question", QUESTION));

        assertEquals(502, failed.statusCode(), failed.body());
        assertTrue(failed.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode error = JSON.readTree(failed.body()).path("error");
        assertEquals("model_error", error.path("code").asText());
        assertTrue(error.path("message").asText().contains("500"), failed.body());
        assertNoStackTrace(failed.body());
        assertEquals(1, standIn.requests().size(), "no retry");
        assertStillServing();
    }

    @Test
    void givenAWrongKey_whenPostingAsk_then502ModelErrorNamingTheStatus() throws Exception {
        standIn.enqueue(Reply.unauthorized());

        HttpResponse<String> failed = post("/api/ask", Map.of("question", QUESTION));

        assertEquals(502, failed.statusCode(), failed.body());
        JsonNode error = JSON.readTree(failed.body()).path("error");
        assertEquals("model_error", error.path("code").asText());
        assertTrue(error.path("message").asText().contains("401"), failed.body());
        assertNoStackTrace(failed.body());
    }

    @Test
    void givenASlowModelServer_whenPostingAsk_then504ModelTimeoutBeforeTheServerWouldHaveAnswered() throws Exception {
        standIn.enqueue(Reply.text("Too late [1].").after(SLOW));

        long started = System.nanoTime();
        HttpResponse<String> timedOut = post("/api/ask", Map.of("question", QUESTION));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(504, timedOut.statusCode(), timedOut.body());
        JsonNode error = JSON.readTree(timedOut.body()).path("error");
        assertEquals("model_timeout", error.path("code").asText());
        assertNoStackTrace(timedOut.body());
        assertTrue(took.compareTo(SLOW) < 0, "returned without waiting for the slow server: " + took);
        assertStillServing();
    }

    @Test
    void givenAModelServerThatStallsMidResponse_whenPostingAsk_then504InsteadOfAHang() throws Exception {
        standIn.enqueue(Reply.stallAfterHeaders(SLOW));

        long started = System.nanoTime();
        HttpResponse<String> timedOut = post("/api/ask", Map.of("question", QUESTION));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(504, timedOut.statusCode(), timedOut.body());
        assertEquals("model_timeout", JSON.readTree(timedOut.body()).path("error").path("code").asText());
        assertTrue(took.compareTo(SLOW) < 0, "returned without waiting for the stalled server: " + took);
    }

    @Test
    void givenTheModelServerFails_whenPostingAskStream_thenAnErrorEventAndTheServerKeepsServing() throws Exception {
        standIn.enqueue(Reply.serverError());

        List<Event> events = stream(Map.of("question", QUESTION));

        Event last = events.get(events.size() - 1);
        assertEquals("error", last.name());
        assertEquals("model_error", last.data().path("error").path("code").asText());
        assertNoStackTrace(last.data().toString());
        assertTrue(events.stream().noneMatch(e -> e.name().equals("done")));
        assertStillServing();
    }

    @Test
    void givenAStreamThatStalls_whenPostingAskStream_thenAModelTimeoutErrorEvent() throws Exception {
        standIn.enqueue(Reply.stallAfterHeaders(SLOW));

        long started = System.nanoTime();
        List<Event> events = stream(Map.of("question", QUESTION));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        Event last = events.get(events.size() - 1);
        assertEquals("error", last.name());
        assertEquals("model_timeout", last.data().path("error").path("code").asText());
        assertTrue(took.compareTo(SLOW) < 0, "returned without waiting for the stalled server: " + took);
        assertStillServing();
    }

    @Test
    void givenAStreamThatStopsMidAnswer_whenPostingAskStream_thenTheTokensSoFarThenATimeoutError() throws Exception {
        standIn.enqueue(Reply.chunks("North Korea ", "sent ", "shells [1].").pausingBetweenChunks(Duration.ofSeconds(1)));

        List<Event> events = stream(Map.of("question", QUESTION));

        // 3 chunks, 1 s apart, against a 2 s deadline: at most the first two arrive before it.
        Event last = events.get(events.size() - 1);
        assertEquals("error", last.name(), events.toString());
        assertEquals("model_timeout", last.data().path("error").path("code").asText());
        List<String> tokens = events.stream().filter(e -> e.name().equals("token"))
                .map(e -> e.data().path("text").asText()).toList();
        assertTrue(List.of("North Korea ", "sent ").subList(0, tokens.size()).equals(tokens), tokens.toString());
        assertStillServing();
    }

    @Test
    void givenARewriteThatTimesOut_whenPostingAFollowUp_then504WithoutAskingTheModelAgain() throws Exception {
        standIn.reply("North Korea sent shells [1].");
        AskResult first = JSON.readValue(post("/api/ask", Map.of("question", QUESTION)).body(), AskResult.class);
        standIn.enqueue(Reply.text("a query").after(SLOW));

        HttpResponse<String> response = post("/api/ask",
                Map.of("question", "And what did he get in return?", "conversationId", first.conversationId()));

        assertEquals(504, response.statusCode(), response.body());
        assertEquals("model_timeout", JSON.readTree(response.body()).path("error").path("code").asText());
        assertEquals(2, standIn.requests().size(), "the answer is not attempted after the rewrite timed out");
    }

    @Test
    void givenARewriteAndAnAnswerEachUnderTheTimeoutButTogetherOver_whenPostingAFollowUp_then504WithinOneTimeout()
            throws Exception {
        standIn.reply("North Korea sent shells [1].");
        AskResult first = JSON.readValue(post("/api/ask", Map.of("question", QUESTION)).body(), AskResult.class);
        Duration most = MODEL_TIMEOUT.multipliedBy(7).dividedBy(10); // each call alone would be in time
        standIn.enqueue(Reply.text("North Korea shells Russia").after(most), Reply.text("Shells [1].").after(most));

        long started = System.nanoTime();
        HttpResponse<String> response = post("/api/ask",
                Map.of("question", "And what did he get in return?", "conversationId", first.conversationId()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(504, response.statusCode(), response.body());
        assertEquals("model_timeout", JSON.readTree(response.body()).path("error").path("code").asText());
        assertTrue(took.compareTo(most.multipliedBy(2)) < 0, "the question as a whole was bounded: " + took);
        assertStillServing();
    }

    private static void assertStillServing() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        standIn.reset();
        HttpResponse<String> answer = post("/api/ask", Map.of("question", QUESTION));
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(JSON.readTree(answer.body()).path("grounded").asBoolean(), answer.body());
    }

    private static void assertNoStackTrace(String body) {
        for (String sign : new String[]{"Exception", "\tat ", "at dev.", "at java.", ".java:"}) {
            assertFalse(body.contains(sign), "no stack trace in " + body);
        }
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static HttpResponse<String> post(String path, Map<String, String> body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Posts to /api/ask/stream and reads every event until the server closes the stream. */
    private static List<Event> stream(Map<String, String> body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/ask/stream")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<java.util.stream.Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<Event> events = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        for (String line : (Iterable<String>) response.body()::iterator) {
            if (line.isEmpty()) {
                if (current.containsKey("data")) {
                    events.add(new Event(current.getOrDefault("event", "message"), JSON.readTree(current.get("data"))));
                }
                current.clear();
            } else if (line.startsWith("event:")) {
                current.put("event", line.substring(6).strip());
            } else if (line.startsWith("data:")) {
                current.merge("data", line.substring(5).strip(), (a, b) -> a + "\n" + b);
            }
        }
        return events;
    }
}
