package dev.cited.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedEngine;
import dev.cited.app.CitedServer;
import dev.cited.testing.OpenAiStandIn;
import dev.cited.testing.OpenAiStandIn.Reply;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a chat model (the OpenAI stand-in) behind the pipeline: what a client receives, plain or streamed, is the
 * verified answer, not the model's draft; model failures are OpenAI-shaped errors; a slow answer is kept alive.
 */
class OpenAiModelAnswerTest {
    private static final String DRAFT = OpenAiStandIn.DEFAULT_REPLY + " Kim also sent rockets [9].";
    private static final String BODY = "{\"model\":\"cited\",\"messages\":[{\"role\":\"user\",\"content\":\""
            + OpenAiSdkTest.QUESTION + "\"}]";
    private static final Duration MODEL_TIMEOUT = Duration.ofSeconds(2);

    private static OpenAiStandIn standIn;
    private static CitedServer server;
    private static V1Client http;

    @BeforeAll
    static void start() {
        standIn = OpenAiStandIn.start();
        server = CitedServer.start(CitedConfig.builder().port(0).retrieval("bm25").model("openai:stand-in")
                .modelTimeout(MODEL_TIMEOUT).build(), standIn.env());
        http = new V1Client(server.port(), null);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (standIn != null) {
            standIn.close();
        }
    }

    @BeforeEach
    void reset() {
        standIn.reset();
    }

    private static String streamedText(String sse) {
        StringBuilder text = new StringBuilder();
        for (String data : V1Client.dataLines(sse)) {
            if (!data.equals("[DONE]")) {
                text.append(V1Client.json(data).at("/choices/0/delta/content").asText(""));
            }
        }
        return text.toString();
    }

    @Test
    void givenADraftWithAnUnsupportedStatement_whenCompletedPlainOrStreamed_thenBothShowOnlyTheVerifiedAnswer() {
        standIn.reply(DRAFT);
        HttpResponse<String> plain = http.chat(BODY + "}");
        assertEquals(200, plain.statusCode(), plain.body());
        JsonNode message = V1Client.json(plain.body()).at("/choices/0/message");
        String content = message.path("content").asText();
        assertFalse(content.contains("rockets"), content);
        assertTrue(content.contains("6m artillery shells [1]"), content);
        assertEquals("Kim also sent rockets.", message.at("/unsupported/0/text").asText(), message.toString());
        assertFalse(message.at("/unsupported/0/reason").asText().isBlank());
        http.assertQuotesExact(message.path("citations"));

        HttpResponse<String> streamed = http.chat(BODY + ",\"stream\":true}");
        assertEquals(200, streamed.statusCode(), streamed.body());
        assertTrue(streamed.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertEquals(content, streamedText(streamed.body()));
        List<String> data = V1Client.dataLines(streamed.body());
        assertEquals("[DONE]", data.get(data.size() - 1));
        JsonNode last = V1Client.json(data.get(data.size() - 2)).at("/choices/0");
        assertEquals("stop", last.path("finish_reason").asText());
        assertEquals(message.path("citations"), last.at("/delta/citations"));
        assertEquals(message.path("unsupported"), last.at("/delta/unsupported"));
    }

    @Test
    void givenTheModelFails_whenCompleted_then502OrAStreamedErrorInOpenAisShape() {
        standIn.enqueue(Reply.serverError(), Reply.serverError(), Reply.serverError(), Reply.serverError());
        V1Client.assertOpenAiError(http.chat(BODY + "}"), 502, "server_error", "model_error");

        standIn.reset();
        standIn.enqueue(Reply.serverError(), Reply.serverError(), Reply.serverError(), Reply.serverError());
        HttpResponse<String> streamed = http.chat(BODY + ",\"stream\":true}");
        assertEquals(200, streamed.statusCode());
        List<String> data = V1Client.dataLines(streamed.body());
        assertEquals("assistant", V1Client.json(data.get(0)).at("/choices/0/delta/role").asText());
        JsonNode error = V1Client.json(data.get(data.size() - 1)).path("error");
        assertEquals("model_error", error.path("code").asText(), streamed.body());
        assertEquals("server_error", error.path("type").asText(), streamed.body());
        assertFalse(data.contains("[DONE]"), "a failed stream does not claim to be done");
    }

    @Test
    void givenASlowModel_whenCompleted_then504() {
        standIn.enqueue(Reply.text("Too late [1].").after(MODEL_TIMEOUT.multipliedBy(3)));
        V1Client.assertOpenAiError(http.chat(BODY + "}"), 504, "server_error", "model_timeout");
    }

    @Test
    void givenAnAnswerThatTakesAWhile_whenStreamed_thenHeartbeatsKeepTheConnectionAliveUntilTheText() {
        standIn.reply(OpenAiStandIn.DEFAULT_REPLY);
        standIn.enqueue(Reply.text(OpenAiStandIn.DEFAULT_REPLY).after(Duration.ofMillis(1500)));
        try (CitedEngine engine = CitedEngine.create(CitedConfig.builder().retrieval("bm25").model("openai:stand-in")
                .modelTimeout(Duration.ofSeconds(20)).build(), standIn.env());
             OpenAiRoutes routes = new OpenAiRoutes(engine.pipeline(), new ObjectMapper(), Duration.ofMillis(200))) {
            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                routes.register(config.routes);
            }).start("127.0.0.1", 0);
            try {
                HttpResponse<String> streamed = new V1Client(app.port(), null).chat(BODY + ",\"stream\":true}");
                assertEquals(200, streamed.statusCode(), streamed.body());
                String sse = streamed.body();
                int role = sse.indexOf("\"role\":\"assistant\"");
                int heartbeat = sse.indexOf(": waiting\n\n");
                int text = sse.indexOf("\"content\":\"Since");
                assertTrue(role >= 0 && heartbeat > role && text > heartbeat,
                        "the role first, heartbeats while waiting, then the text: " + sse);
                assertTrue(streamedText(sse).startsWith("Since the war began"), sse);
                assertEquals(sse.lastIndexOf(": waiting"), sse.lastIndexOf(": waiting", text), "no heartbeat after the text");
            } finally {
                app.stop();
            }
        }
    }
}
