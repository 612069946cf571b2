package dev.cited.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Holds the port while the engine builds, which takes minutes the first time on a large folder: the page
 * tells the browser to come back in a few seconds, {@code /health} says "starting", and everything else gets
 * a 503 JSON error, instead of "connection refused". Closed right before the real server takes the port.
 */
final class StartingServer implements AutoCloseable {
    static final int RETRY_SECONDS = 3;
    static final String PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="refresh" content="%d">
            <meta name="color-scheme" content="light dark">
            <title>Cited is starting</title>
            <style>
              body { margin: 0; min-height: 100vh; display: grid; place-items: center; padding: 24px;
                     box-sizing: border-box; font: 16px/1.5 system-ui, sans-serif; }
              main { max-width: 32rem; text-align: center; }
              h1 { font-size: 1.5rem; margin: 0 0 8px; }
              p { margin: 0; opacity: 0.75; }
            </style></head>
            <body><main role="status"><h1>Cited is starting</h1>
            <p>It is reading and indexing the documents. This page opens Cited as soon as it is ready.</p>
            </main></body></html>
            """.formatted(RETRY_SECONDS);
    static final String HEALTH = "{\"status\":\"starting\"}";
    /** Alive while starting: a probe that restarts what is not live must not kill a long first indexing. */
    static final String LIVE = "{\"status\":\"live\"}";
    static final String ERROR = "{\"error\":{\"code\":\"starting\",\"message\":\"Cited is starting: it is reading "
            + "and indexing the documents. Try again in a few seconds.\"}}";

    private final HttpServer server;

    private StartingServer(HttpServer server) {
        this.server = server;
    }

    /** Listens on {@code host}:{@code port} (0 picks a free one); fails with a clear message when the port is taken. */
    static StartingServer open(String host, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.createContext("/", StartingServer::answer);
            server.start();
            return new StartingServer(server);
        } catch (BindException e) {
            throw new IllegalArgumentException("Port " + port + " is already in use: stop what is using it or pass"
                    + " another --port", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            // Read (and drop) what was sent, so a client still sending sees the answer, not a reset.
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            String path = exchange.getRequestURI().getPath();
            boolean page = ("/".equals(path) || "/index.html".equals(path))
                    && ("GET".equals(exchange.getRequestMethod()) || "HEAD".equals(exchange.getRequestMethod()));
            boolean live = "/health/live".equals(path);
            String body = page ? PAGE : live ? LIVE : "/health".equals(path) ? HEALTH : ERROR;
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", page ? "text/html; charset=utf-8" : "application/json");
            headers.set("Retry-After", String.valueOf(RETRY_SECONDS));
            headers.set("Cache-Control", "no-store");
            headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'"); // no script
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(live ? 200 : 503, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    /** Stops listening at once, so the real server can take the port. */
    @Override
    public void close() {
        server.stop(0);
    }
}
