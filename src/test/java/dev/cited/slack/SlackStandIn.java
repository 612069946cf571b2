package dev.cited.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A local stand-in for Slack on 127.0.0.1: the Web API under {@code /api/{method}} (form or JSON posts, answers
 * {@code {"ok":true,...}} as Slack does) and a {@code response_url} receiver under {@code /response/}. Records
 * every call and can be told to fail the next calls of a method.
 */
final class SlackStandIn implements AutoCloseable {
    static final String BOT_USER_ID = "UCITEDBOT";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One Web API call: its method, its parameters (form fields or top-level JSON fields), its Authorization. */
    record ApiCall(String method, Map<String, String> params, String authorization) {
        String param(String name) {
            return params.get(name);
        }
    }

    /** One post to a response_url. */
    record ResponsePost(String path, JsonNode body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<ApiCall> calls = new CopyOnWriteArrayList<>();
    private final List<ResponsePost> responses = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<int[]>> failures = new HashMap<>();
    private final Map<String, Queue<String>> errors = new HashMap<>();
    private final AtomicLong tsCounter = new AtomicLong(1_700_000_000_000_000L);

    SlackStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::api);
        server.createContext("/response/", this::responseUrl);
        server.setExecutor(executor);
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + id;
    }

    /** The next call of {@code method} answers HTTP 429 with the given Retry-After (seconds). */
    synchronized void rateLimitNext(String method, int retryAfterSeconds) {
        failures.computeIfAbsent(method, m -> new ArrayDeque<>()).add(new int[]{429, retryAfterSeconds});
    }

    /** The next call of {@code method} answers {@code {"ok":false,"error":error}}. */
    synchronized void failNext(String method, String error) {
        errors.computeIfAbsent(method, m -> new ArrayDeque<>()).add(error);
    }

    List<ApiCall> calls(String method, Predicate<ApiCall> filter) {
        return calls.stream().filter(c -> c.method().equals(method)).filter(filter).toList();
    }

    List<ApiCall> callsIn(String method, String channel) {
        return calls(method, c -> channel.equals(c.param("channel")));
    }

    List<ResponsePost> responsePosts(String id) {
        return responses.stream().filter(r -> r.path().endsWith("/" + id)).toList();
    }

    /** Polls (bounded) until {@code check} is non-empty; returns it, or fails after the timeout. */
    static <T> List<T> await(java.util.function.Supplier<List<T>> check, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<T> found = check.get();
            if (!found.isEmpty()) {
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }

    private void api(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            Map<String, String> params = contentType != null && contentType.contains("json")
                    ? jsonParams(body) : formParams(body);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null && params.containsKey("token")) {
                auth = "Bearer " + params.get("token");
            }
            calls.add(new ApiCall(method, params, auth));

            int[] failure;
            String error;
            synchronized (this) {
                failure = poll(failures, method);
                error = poll(errors, method);
            }
            if (failure != null) {
                exchange.getResponseHeaders().add("Retry-After", String.valueOf(failure[1]));
                send(exchange, failure[0], "{\"ok\":false,\"error\":\"ratelimited\"}");
                return;
            }
            ObjectNode reply = JSON.createObjectNode();
            if (error != null) {
                reply.put("ok", false);
                reply.put("error", error);
            } else if (auth == null || !auth.startsWith("Bearer xoxb-")) {
                reply.put("ok", false);
                reply.put("error", "not_authed");
            } else {
                reply.put("ok", true);
                switch (method) {
                    case "auth.test" -> {
                        reply.put("url", "https://standin.slack.test/");
                        reply.put("team", "Stand-in");
                        reply.put("user", "cited");
                        reply.put("team_id", "T0STANDIN");
                        reply.put("user_id", BOT_USER_ID);
                        reply.put("bot_id", "B0CITED");
                    }
                    case "chat.postMessage" -> {
                        String ts = String.valueOf(tsCounter.incrementAndGet());
                        ts = ts.substring(0, 10) + "." + ts.substring(10);
                        reply.put("channel", params.get("channel"));
                        reply.put("ts", ts);
                        ObjectNode message = reply.putObject("message");
                        message.put("type", "message");
                        message.put("text", params.get("text"));
                        message.put("bot_id", "B0CITED");
                        message.put("ts", ts);
                    }
                    default -> {
                    }
                }
            }
            send(exchange, 200, reply.toString());
        }
    }

    private void responseUrl(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            responses.add(new ResponsePost(exchange.getRequestURI().getPath(), JSON.readTree(body)));
            send(exchange, 200, "ok");
        }
    }

    private static <T> T poll(Map<String, Queue<T>> queues, String method) {
        Queue<T> queue = queues.get(method);
        return queue == null ? null : queue.poll();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> formParams(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = java.net.URLDecoder.decode(eq >= 0 ? pair.substring(0, eq) : pair, StandardCharsets.UTF_8);
            String value = eq >= 0 ? java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8) : "";
            params.put(key, value);
        }
        return params;
    }

    private static Map<String, String> jsonParams(String body) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode root = JSON.readTree(body);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            params.put(field.getKey(), field.getValue().isTextual() ? field.getValue().asText()
                    : field.getValue().toString());
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
