package dev.cited.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cited health}, the container's health check, against a real server and against none. */
class HealthCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return Main.run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void givenARunningServer_whenChecked_thenExit0_andOnceItIsStopped_exit1() {
        int port;
        try (CitedServer server = CitedServer.start(CitedConfig.builder().port(0).retrieval("bm25").build())) {
            port = server.port();
            assertEquals(0, run(Map.of(), "health", "--port", String.valueOf(port)));
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("200 {\"status\":\"ok\""), out.toString());
            out.reset();
            assertEquals(0, run(Map.of("CITED_PORT", String.valueOf(port)), "health"), "the port from CITED_PORT");
        }
        assertEquals(1, run(Map.of(), "health", "--port", String.valueOf(port), "--timeout", "2"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no answer from http://127.0.0.1:" + port + "/health"),
                err.toString());
    }
}
