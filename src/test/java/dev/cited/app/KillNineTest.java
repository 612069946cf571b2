package dev.cited.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real server in its own JVM, killed with SIGKILL after acknowledging a question and a rating: started again
 * on the same data folder, it continues the conversation and lists the rating.
 */
class KillNineTest {
    private static final Pattern READY = Pattern.compile("Cited is ready on http://localhost:(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Process server;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void givenAnAnsweredTurnAndItsRating_whenTheServerIsKilledAndStartedAgain_thenBothAreThere() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            for (Path seed : seeds.toList()) {
                Files.copy(seed, docs.resolve(seed.getFileName()));
            }
        }
        int port = start(docs);
        JsonNode first = post(port, "/api/ask", "{\"question\":\"Who is Jens Stoltenberg?\"}");
        String conversation = first.path("conversationId").asText();
        assertEquals(201, status(port, "/api/feedback", "{\"conversationId\":\"" + conversation
                + "\",\"turn\":1,\"rating\":\"up\",\"comment\":\"kept?\"}"));

        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
        port = start(docs);

        JsonNode followUp = post(port, "/api/ask",
                "{\"question\":\"What did he say about North Korea?\",\"conversationId\":\"" + conversation + "\"}");
        assertEquals(2, followUp.path("turn").asInt(), followUp.toString());
        assertTrue(followUp.path("searchQuery").asText().contains("Stoltenberg"), followUp.toString());
        String feedback = get(port, "/api/feedback");
        assertTrue(feedback.contains(conversation) && feedback.contains("kept?"), feedback);
    }

    /** Starts {@code cited serve} on a free port over {@code docs}, state in {@code dir/data}; returns the port. */
    private int start(Path docs) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        server = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--port", "0", "--seeds", docs.toString(), "--data",
                dir.resolve("data").toString(), "--retrieval", "bm25", "--no-watch"))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "kill-nine-drain");
                        drain.setDaemon(true);
                        drain.start();
                        return Integer.parseInt(m.group(1));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("the server ended before it was ready");
        });
        return ready.get(120, TimeUnit.SECONDS);
    }

    private JsonNode post(int port, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(request(port, path).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private int status(int port, String path, String body) throws Exception {
        return http.send(request(port, path).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private String get(int port, String path) throws Exception {
        return http.send(request(port, path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60));
    }
}
