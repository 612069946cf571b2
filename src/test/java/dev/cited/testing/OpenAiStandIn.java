package dev.cited.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local stand-in for an OpenAI-compatible server on 127.0.0.1 (a free port), speaking the real Chat
 * Completions protocol: {@code POST /v1/chat/completions} (and {@code /chat/completions}) answers one
 * {@code chat.completion} JSON object, or, when the request says {@code "stream": true}, server-sent
 * {@code chat.completion.chunk} events ending with {@code data: [DONE]}.
 *
 * <p>Records every request. Scripted per test: {@link #enqueue} replies for the next requests, else the
 * {@link #respond responder} (by default one fixed text, {@link #reply}). A {@link Reply} is a text (streamed
 * as several chunks, or as the chunks given), an HTTP error with an OpenAI-style JSON body, a refusal, or a
 * server that sleeps before answering or stalls after sending its headers.
 */
public final class OpenAiStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the stand-in says unless told otherwise: a true statement about the seeds, so it is grounded. */
    public static final String DEFAULT_REPLY = "Since the war began, Kim Jong Un has dispatched an estimated 6m "
            + "artillery shells [1].";

    /** One request as received. */
    public record Request(String method, String path, String authorization, JsonNode body) {
        public boolean stream() {
            return body.path("stream").asBoolean(false);
        }

        public String model() {
            return body.path("model").asText();
        }

        /** The text of every message, in order (string contents, or the text parts of array contents). */
        public List<String> messageTexts() {
            List<String> texts = new ArrayList<>();
            for (JsonNode message : body.path("messages")) {
                JsonNode content = message.path("content");
                if (content.isTextual()) {
                    texts.add(content.asText());
                } else if (content.isArray()) {
                    StringBuilder text = new StringBuilder();
                    content.forEach(part -> text.append(part.path("text").asText("")));
                    texts.add(text.toString());
                }
            }
            return texts;
        }

        /** All message texts joined: what the model was shown. */
        public String prompt() {
            return String.join("\n", messageTexts());
        }
    }

    /** How to answer one request. */
    public static final class Reply {
        final int status;
        final String text;
        final List<String> chunks;
        final String errorBody;
        final String refusal;
        final Duration delay;
        final Duration stallAfterHeaders;
        final Duration chunkPause;

        private Reply(int status, String text, List<String> chunks, String errorBody, String refusal, Duration delay,
                      Duration stallAfterHeaders, Duration chunkPause) {
            this.status = status;
            this.text = text;
            this.chunks = chunks;
            this.errorBody = errorBody;
            this.refusal = refusal;
            this.delay = delay;
            this.stallAfterHeaders = stallAfterHeaders;
            this.chunkPause = chunkPause;
        }

        /** The assistant says {@code text}; streamed as word-sized chunks. */
        public static Reply text(String text) {
            return new Reply(200, text, splitIntoChunks(text), null, null, Duration.ZERO, null, Duration.ZERO);
        }

        /** The assistant says the concatenation of {@code chunks}; streamed as exactly these chunks. */
        public static Reply chunks(String... chunks) {
            return new Reply(200, String.join("", chunks), List.of(chunks), null, null, Duration.ZERO, null, Duration.ZERO);
        }

        /** HTTP {@code status} with an OpenAI-style error body. */
        public static Reply error(int status, String type, String message) {
            ObjectNode body = JSON.createObjectNode();
            ObjectNode error = body.putObject("error");
            error.put("message", message);
            error.put("type", type);
            error.putNull("param");
            error.putNull("code");
            return new Reply(status, null, List.of(), body.toString(), null, Duration.ZERO, null, Duration.ZERO);
        }

        /** HTTP 500 as OpenAI sends it. */
        public static Reply serverError() {
            return error(500, "server_error", "The server had an error while processing your request. Sorry about that!");
        }

        /** HTTP 401 as OpenAI sends it for a wrong key. */
        public static Reply unauthorized() {
            return error(401, "invalid_request_error", "Incorrect API key provided: test. You can find your API key "
                    + "at https://platform.openai.com/account/api-keys.");
        }

        /** The model declines: content null, "refusal" set (non-streaming), finish reason content_filter. */
        public static Reply refusal(String why) {
            return new Reply(200, null, List.of(), null, why, Duration.ZERO, null, Duration.ZERO);
        }

        /** Sends 200 and its headers at once, then nothing for {@code stall}, then closes. */
        public static Reply stallAfterHeaders(Duration stall) {
            return new Reply(200, null, List.of(), null, null, Duration.ZERO, stall, Duration.ZERO);
        }

        /** The same reply, sent only after sleeping {@code delay} without a byte (not even headers). */
        public Reply after(Duration delay) {
            return new Reply(status, text, chunks, errorBody, refusal, delay, stallAfterHeaders, chunkPause);
        }

        /** The same reply, pausing {@code pause} between streamed chunks. */
        public Reply pausingBetweenChunks(Duration pause) {
            return new Reply(status, text, chunks, errorBody, refusal, delay, stallAfterHeaders, pause);
        }

        /** Splits after each space, so the chunks concatenate back to {@code text}. */
        static List<String> splitIntoChunks(String text) {
            List<String> chunks = new ArrayList<>(Arrays.asList(text.split("(?<= )")));
            chunks.removeIf(String::isEmpty);
            return chunks;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "openai-stand-in");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Reply> queued = new ArrayDeque<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Function<Request, Reply> responder;

    private OpenAiStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        reply(DEFAULT_REPLY);
        server.start();
    }

    public static OpenAiStandIn start() {
        try {
            return new OpenAiStandIn();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the OpenAI stand-in", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** What OPENAI_BASE_URL should be. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** The environment that points Cited's openai models here. */
    public Map<String, String> env() {
        return Map.of("OPENAI_BASE_URL", baseUrl(), "OPENAI_API_KEY", "test");
    }

    /** Every request from now on is answered with {@code text} (after any queued replies). */
    public void reply(String text) {
        Reply reply = Reply.text(text);
        respond(request -> reply);
    }

    /** Every request from now on is answered by {@code script} (after any queued replies). */
    public void respond(Function<Request, Reply> script) {
        this.responder = Objects.requireNonNull(script);
    }

    /** The next requests get these replies, in order, before the responder is asked again. */
    public synchronized void enqueue(Reply... replies) {
        queued.addAll(List.of(replies));
    }

    /** Forgets the requests and queued replies, and answers every request with a fixed text again. */
    public synchronized void reset() {
        requests.clear();
        queued.clear();
        reply(DEFAULT_REPLY);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests whose prompt contains {@code text}. */
    public List<Request> requestsContaining(String text) {
        return requests.stream().filter(r -> r.prompt().contains(text)).toList();
    }

    private synchronized Reply next(Request request) {
        Reply reply = queued.poll();
        return reply != null ? reply : responder.apply(request);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (!path.equals("/v1/chat/completions") && !path.equals("/chat/completions")) {
                send(exchange, 404, Reply.error(404, "invalid_request_error", "Unknown path " + path).errorBody);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, Reply.error(405, "invalid_request_error", "Use POST").errorBody);
                return;
            }
            JsonNode body;
            try {
                body = JSON.readTree(raw);
            } catch (IOException e) {
                send(exchange, 400, Reply.error(400, "invalid_request_error", "Malformed JSON").errorBody);
                return;
            }
            Request request = new Request(exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("Authorization"), body);
            requests.add(request);
            Reply reply = next(request);
            if (!reply.delay.isZero()) {
                Thread.sleep(reply.delay.toMillis());
            }
            if (reply.stallAfterHeaders != null) {
                exchange.getResponseHeaders().set("Content-Type", request.stream() ? "text/event-stream" : "application/json");
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().flush();
                Thread.sleep(reply.stallAfterHeaders.toMillis());
                return;
            }
            if (reply.errorBody != null) {
                send(exchange, reply.status, reply.errorBody);
            } else if (request.stream()) {
                stream(exchange, request, reply);
            } else {
                send(exchange, 200, completion(request, reply).toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stand-in closing
        } catch (IOException e) {
            // the client went away (e.g. it timed out): nothing to answer
        }
    }

    private ObjectNode completion(Request request, Reply reply) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-standin-" + ids.incrementAndGet());
        root.put("object", "chat.completion");
        root.put("created", System.currentTimeMillis() / 1000);
        root.put("model", request.model());
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (reply.refusal != null) {
            message.putNull("content");
            message.put("refusal", reply.refusal);
        } else {
            message.put("content", reply.text);
            message.putNull("refusal");
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", reply.refusal != null ? "content_filter" : "stop");
        root.set("usage", usage(request, reply));
        return root;
    }

    private void stream(HttpExchange exchange, Request request, Reply reply) throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        String id = "chatcmpl-standin-" + ids.incrementAndGet();
        long created = System.currentTimeMillis() / 1000;
        ObjectNode first = chunk(id, created, request);
        ObjectNode roleDelta = ((ObjectNode) first.get("choices").get(0)).putObject("delta");
        roleDelta.put("role", "assistant");
        roleDelta.put("content", "");
        event(out, first.toString());
        if (reply.refusal != null) {
            ObjectNode refusal = chunk(id, created, request);
            ((ObjectNode) refusal.get("choices").get(0)).putObject("delta").put("refusal", reply.refusal);
            event(out, refusal.toString());
        }
        for (String piece : reply.chunks) {
            if (!reply.chunkPause.isZero()) {
                Thread.sleep(reply.chunkPause.toMillis());
            }
            ObjectNode chunk = chunk(id, created, request);
            ((ObjectNode) chunk.get("choices").get(0)).putObject("delta").put("content", piece);
            event(out, chunk.toString());
        }
        ObjectNode last = chunk(id, created, request);
        ObjectNode lastChoice = (ObjectNode) last.get("choices").get(0);
        lastChoice.putObject("delta");
        lastChoice.put("finish_reason", reply.refusal != null ? "content_filter" : "stop");
        event(out, last.toString());
        if (request.body().path("stream_options").path("include_usage").asBoolean(false)) {
            ObjectNode usage = JSON.createObjectNode();
            usage.put("id", id);
            usage.put("object", "chat.completion.chunk");
            usage.put("created", created);
            usage.put("model", request.model());
            usage.putArray("choices");
            usage.set("usage", usage(request, reply));
            event(out, usage.toString());
        }
        event(out, "[DONE]");
    }

    private static ObjectNode chunk(String id, long created, Request request) {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", request.model());
        ArrayNode choices = chunk.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        return chunk;
    }

    private static ObjectNode usage(Request request, Reply reply) {
        int prompt = request.prompt().split("\\s+").length;
        int completion = reply.text == null ? 0 : reply.text.split("\\s+").length;
        ObjectNode usage = JSON.createObjectNode();
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        return usage;
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
