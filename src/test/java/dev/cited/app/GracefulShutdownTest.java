package dev.cited.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.eval.ClaimCase;
import dev.cited.eval.EvalCommand;
import dev.cited.eval.ScriptedModelServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stopping the real server while a slow model streams an answer: the stream still ends with its verified
 * "done" answer, and no new connection is taken meanwhile or afterwards.
 */
@Timeout(180)
class GracefulShutdownTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenAStreamInFlight_whenTheServerStops_thenTheStreamEndsWithItsAnswerAndNewConnectionsAreRefused()
            throws Exception {
        List<ClaimCase> cases = ClaimCase.read(Path.of("eval/claims.jsonl"));
        ClaimCase asked = cases.get(0);
        try (ScriptedModelServer model = ScriptedModelServer.start(cases, 0).slowly(Duration.ofMillis(120))) {
            CitedServer server = CitedServer.start(CitedConfig.builder().port(0).model(EvalCommand.STAND_IN_MODEL)
                    .shutdownGrace(Duration.ofSeconds(30)).build(), model.env());
            int port = server.port();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ask/stream"))
                    .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode()
                            .put("question", asked.question()).toString()))
                    .build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());

            CountDownLatch firstToken = new CountDownLatch(1);
            CompletableFuture<List<String>> events = CompletableFuture.supplyAsync(() -> read(response.body(), firstToken));
            assertTrue(firstToken.await(60, TimeUnit.SECONDS), "the answer started streaming");

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::close);
            boolean refusedWhileStreaming = false;
            while (!events.isDone() && !refusedWhileStreaming) {
                refusedWhileStreaming = refused(port);
                Thread.sleep(20);
            }
            List<String> received = events.get(60, TimeUnit.SECONDS);
            stopped.get(60, TimeUnit.SECONDS);

            assertTrue(refusedWhileStreaming, "new connections are refused while the stream finishes");
            assertTrue(received.size() > 2, "tokens, then the answer: " + received);
            assertTrue(received.subList(0, received.size() - 1).stream().allMatch(e -> e.startsWith("token ")),
                    received.toString());
            String last = received.get(received.size() - 1);
            assertTrue(last.startsWith("done "), "the stream ends with its answer, not cut: " + last);
            JsonNode done = JSON.readTree(last.substring("done ".length()));
            assertTrue(done.path("grounded").asBoolean(), done.toString());
            assertFalse(done.path("citations").isEmpty(), done.toString());
            assertTrue(refused(port), "and refused after the stop");
            assertThrows(IOException.class, () -> client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString()));
        }
    }

    @Test
    void givenAStreamLongerThanTheGrace_whenTheServerStops_thenItEndsWithAStoppingErrorNotCutWithoutAWord()
            throws Exception {
        List<ClaimCase> cases = ClaimCase.read(Path.of("eval/claims.jsonl"));
        try (ScriptedModelServer model = ScriptedModelServer.start(cases, 0).slowly(Duration.ofSeconds(2))) {
            CitedServer server = CitedServer.start(CitedConfig.builder().port(0).model(EvalCommand.STAND_IN_MODEL)
                    .shutdownGrace(Duration.ofSeconds(2)).build(), model.env());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/api/ask/stream"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode()
                            .put("question", cases.get(0).question()).toString()))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            CountDownLatch firstToken = new CountDownLatch(1);
            CompletableFuture<List<String>> events = CompletableFuture.supplyAsync(() -> read(response.body(), firstToken));
            assertTrue(firstToken.await(60, TimeUnit.SECONDS), "the answer started streaming");
            server.close();
            List<String> received = events.get(60, TimeUnit.SECONDS);
            // The last event must be the notice. Jetty may still drop the connection at the end of the grace
            // before the closing chunk goes out (seen once in CI, on a loaded machine): told all the same.
            List<String> told = received.stream().filter(e -> !e.startsWith("cut ")).toList();
            String last = told.get(told.size() - 1);
            assertTrue(last.startsWith("error "), "told, not cut: " + received);
            assertEquals("stopping", JSON.readTree(last.substring("error ".length())).at("/error/code").asText());
            assertTrue(received.stream().noneMatch(e -> e.startsWith("done ")), received.toString());
        }
    }

    /** "token {json}" / "done {json}" per event, until the server ends the stream. */
    private static List<String> read(InputStream body, CountDownLatch firstToken) {
        List<String> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    events.add(event + " " + line.substring(6));
                    firstToken.countDown();
                }
            }
        } catch (IOException e) {
            events.add("cut " + e.getMessage());
        }
        return events;
    }

    private static boolean refused(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
