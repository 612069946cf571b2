package dev.cited.app;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The placeholder that holds the port while a large folder is indexed, over real HTTP. */
class StartingServerTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void givenTheEngineIsStillBuilding_whenABrowserOrClientCalls_thenA503ThatSaysSoAndWhenToRetry() throws Exception {
        int port;
        try (StartingServer starting = StartingServer.open("127.0.0.1", 0)) {
            port = starting.port();
            HttpResponse<String> page = send(HttpRequest.newBuilder(uri(port, "/")).GET());
            assertEquals(503, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(page.body().contains("<meta http-equiv=\"refresh\" content=\"3\">"), "the page comes back");
            assertEquals("3", page.headers().firstValue("Retry-After").orElse(""));

            HttpResponse<String> health = send(HttpRequest.newBuilder(uri(port, "/health")).GET());
            assertEquals(503, health.statusCode());
            assertEquals(StartingServer.HEALTH, health.body());
            // probes: alive (do not restart it), not ready (send no work)
            HttpResponse<String> live = send(HttpRequest.newBuilder(uri(port, "/health/live")).GET());
            assertEquals(200, live.statusCode());
            assertEquals(StartingServer.LIVE, live.body());
            HttpResponse<String> ready = send(HttpRequest.newBuilder(uri(port, "/health/ready")).GET());
            assertEquals(503, ready.statusCode());
            assertEquals(StartingServer.ERROR, ready.body());

            HttpResponse<String> ask = send(HttpRequest.newBuilder(uri(port, "/api/ask"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"" + "x".repeat(100_000) + "\"}")));
            assertEquals(503, ask.statusCode());
            assertTrue(ask.body().contains("\"code\":\"starting\""), ask.body());
        }
        try (ServerSocket next = new ServerSocket()) {
            next.setReuseAddress(true);
            next.bind(new InetSocketAddress(port)); // the real server takes the port at once
        }
    }

    @Test
    void givenThePortIsTaken_whenOpened_thenAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StartingServer.open("127.0.0.1", taken.getLocalPort()));
            assertTrue(e.getMessage().contains("already in use"), e.getMessage());
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
