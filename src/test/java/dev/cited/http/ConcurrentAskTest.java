package dev.cited.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 2, item 10: 400 concurrent POST /api/ask requests all succeed with valid answers. Loopback only, bounded
 * in count and time; nothing here asserts on timing.
 */
class ConcurrentAskTest {
    private static final int REQUESTS = 400;
    private static final int CLIENT_THREADS = 64;
    private static final List<String> QUESTIONS = List.of(
            Answers.QUESTION,
            "Who is Jens Stoltenberg?",
            "What did South Korea and the European Union say on Monday?",
            "What is the capital of Brazil?");

    private static CitedServer server;
    private static ApiClient api;
    private static Map<String, String> texts;

    @BeforeAll
    static void start() {
        // one client address with 64 connections and 400 questions: over the default limits on purpose
        server = CitedServer.start(CitedConfig.builder().port(0).unlimited().build());
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
    void fourHundredConcurrentAsksAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Future<JsonNode>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                String question = QUESTIONS.get(i % QUESTIONS.size());
                answers.add(pool.submit(() -> {
                    go.await();
                    HttpResponse<String> response = api.post("/api/ask",
                            ApiClient.JSON.createObjectNode().put("question", question).toString());
                    if (response.statusCode() != 200) {
                        failures.add(response.statusCode() + " " + response.body());
                        return null;
                    }
                    return ApiClient.json(response);
                }));
            }
            go.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES), "the requests finished within the bound");
        } finally {
            pool.shutdownNow();
        }
        assertTrue(failures.isEmpty(), failures.size() + " failed, e.g. " + failures.peek());
        java.util.Set<String> conversations = new java.util.HashSet<>();
        for (int i = 0; i < REQUESTS; i++) {
            JsonNode result = answers.get(i).get();
            String question = QUESTIONS.get(i % QUESTIONS.size());
            if (question.contains("Brazil")) {
                Answers.assertAbstains(result, texts);
            } else {
                Answers.assertGrounded(result, texts);
            }
            conversations.add(result.get("conversationId").asText());
        }
        assertEquals(REQUESTS, conversations.size(), "every request got its own conversation");
        // The server keeps serving afterwards.
        assertEquals(200, api.get("/health").statusCode());
    }

    @Test
    void fourHundredRequestsInFlightAtOnceAllSucceed() throws Exception {
        // All 400 sent together over their own connections: Jetty must queue, not refuse.
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String question = QUESTIONS.get(i % QUESTIONS.size());
            inFlight.add(api.http().sendAsync(api.postRequest("/api/ask",
                            ApiClient.JSON.createObjectNode().put("question", question).toString()),
                    HttpResponse.BodyHandlers.ofString()));
        }
        java.util.concurrent.CompletableFuture.allOf(inFlight.toArray(new java.util.concurrent.CompletableFuture[0]))
                .get(5, TimeUnit.MINUTES);
        int ok = 0;
        for (int i = 0; i < REQUESTS; i++) {
            HttpResponse<String> response = inFlight.get(i).get();
            assertEquals(200, response.statusCode(), response.body());
            Answers.assertValid(ApiClient.json(response), texts);
            ok++;
        }
        assertEquals(REQUESTS, ok);
    }
}
