package dev.cited.eval;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for an OpenAI-compatible model server that writes the answers of a claim set: it speaks the
 * Chat Completions protocol ({@code POST /v1/chat/completions}, one JSON completion or, with {@code "stream":
 * true}, server-sent chunks ending in {@code [DONE]}), finds the case whose question the prompt asks, and
 * writes its sentences with the markers a model would: the number of the passage that holds a true claim's
 * evidence (or of another passage, for a claim cited wrongly), and for a planted error the number of the
 * passage that holds the sentence it distorts. A question no case has gets NOT_IN_DOCUMENTS.
 */
public final class ScriptedModelServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PASSAGE = Pattern.compile("(?m)^\\[(\\d+)] \\(");
    private static final Pattern QUESTION = Pattern.compile("(?m)^Question: (.*)$");
    private static final Pattern STANDALONE = Pattern.compile("(?i)standalone");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "scripted-model");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ClaimCase> byQuestion = new LinkedHashMap<>();
    /** Pause before each streamed piece (and, in total, before a whole completion): a slow model, for shutdown tests. */
    private volatile long pieceDelayMillis = Long.getLong("cited.standIn.delayMs", 0);

    private ScriptedModelServer(List<ClaimCase> cases, int port) throws IOException {
        cases.forEach(c -> byQuestion.put(c.question().strip(), c));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** @param port 0 for a free one */
    public static ScriptedModelServer start(List<ClaimCase> cases, int port) {
        try {
            return new ScriptedModelServer(cases, port);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the scripted model server: " + e.getMessage(), e);
        }
    }

    /** Writes as slowly as a model that takes {@code perPiece} for each word. */
    public ScriptedModelServer slowly(java.time.Duration perPiece) {
        this.pieceDelayMillis = perPiece.toMillis();
        return this;
    }

    /** What OPENAI_BASE_URL should be. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The environment that points Cited's openai models here. */
    public Map<String, String> env() {
        return Map.of("OPENAI_BASE_URL", baseUrl(), "OPENAI_API_KEY", "stand-in");
    }

    /** The answer the stand-in writes for {@code prompt}: the case's sentences with their markers. */
    public String answer(String prompt) {
        Matcher q = QUESTION.matcher(prompt);
        String question = null;
        while (q.find()) {
            question = q.group(1).strip();
        }
        ClaimCase c = question == null ? null : byQuestion.get(question);
        if (c == null) {
            return "NOT_IN_DOCUMENTS";
        }
        Map<Integer, String> passages = passages(prompt);
        StringBuilder answer = new StringBuilder();
        for (ClaimCase.Sentence s : c.sentences()) {
            if (!answer.isEmpty()) {
                answer.append(' ');
            }
            String text = s.text().strip();
            int marker = marker(s, passages);
            if (marker > 0 && text.endsWith(".")) {
                answer.append(text, 0, text.length() - 1).append(" [").append(marker).append("].");
            } else if (marker > 0) {
                answer.append(text).append(" [").append(marker).append(']');
            } else {
                answer.append(text);
            }
        }
        return answer.toString();
    }

    private static int marker(ClaimCase.Sentence s, Map<Integer, String> passages) {
        if (s.cite() == ClaimCase.Cite.NONE) {
            return 0;
        }
        String anchor = s.isTrue() ? (s.evidence().isEmpty() ? s.text() : s.evidence().get(0)) : s.source();
        int holding = 0;
        for (Map.Entry<Integer, String> p : passages.entrySet()) {
            if (anchor != null && p.getValue().contains(anchor)) {
                holding = p.getKey();
                break;
            }
        }
        if (s.cite() == ClaimCase.Cite.WRONG) {
            for (Map.Entry<Integer, String> p : passages.entrySet()) {
                if (s.evidence().stream().noneMatch(e -> p.getValue().contains(e))) {
                    return p.getKey(); // the first passage that does not hold the evidence
                }
            }
        }
        return holding > 0 ? holding : 1; // not sent: the model cites the first passage anyway
    }

    /** The numbered passages of the prompt, by number. */
    private static Map<Integer, String> passages(String prompt) {
        Map<Integer, String> passages = new LinkedHashMap<>();
        Matcher m = PASSAGE.matcher(prompt);
        List<int[]> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[]{Integer.parseInt(m.group(1)), m.start()});
        }
        int end = prompt.indexOf("\nConversation so far:");
        for (int i = 0; i < starts.size(); i++) {
            int to = i + 1 < starts.size() ? starts.get(i + 1)[1] : (end > 0 ? end : prompt.length());
            passages.put(starts.get(i)[0], prompt.substring(starts.get(i)[1], to));
        }
        return passages;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            StringBuilder prompt = new StringBuilder();
            for (JsonNode message : body.path("messages")) {
                JsonNode content = message.path("content");
                if (content.isTextual()) {
                    prompt.append(content.asText()).append('\n');
                } else {
                    content.forEach(part -> prompt.append(part.path("text").asText("")).append('\n'));
                }
            }
            String text = STANDALONE.matcher(prompt).find() && !prompt.toString().contains("Passages:")
                    ? lastQuestion(prompt.toString()) // a follow-up rewrite: search for the question as asked
                    : answer(prompt.toString());
            String model = body.path("model").asText("stand-in");
            if (body.path("stream").asBoolean(false)) {
                stream(exchange, model, text);
            } else {
                pause(pieceDelayMillis * text.split("(?<= )").length);
                send(exchange, completion(model, text).toString());
            }
        } catch (RuntimeException e) {
            byte[] error = "{\"error\":{\"message\":\"bad request\",\"type\":\"invalid_request_error\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(400, error.length);
            exchange.getResponseBody().write(error);
        }
    }

    private static String lastQuestion(String prompt) {
        Matcher m = Pattern.compile("(?m)^Last question: (.*)$").matcher(prompt);
        String last = "";
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    private static ObjectNode completion(String model, String text) {
        ObjectNode root = envelope("chat.completion", model, "stop");
        ObjectNode choice = (ObjectNode) root.get("choices").get(0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", text);
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", 1);
        usage.put("completion_tokens", 1);
        usage.put("total_tokens", 2);
        return root;
    }

    private void stream(HttpExchange exchange, String model, String text) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String piece : text.split("(?<= )")) {
            pause(pieceDelayMillis);
            ObjectNode chunk = chunk(model, null);
            ((ObjectNode) chunk.get("choices").get(0)).putObject("delta").put("content", piece);
            out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        ObjectNode last = chunk(model, "stop");
        ((ObjectNode) last.get("choices").get(0)).putObject("delta");
        out.write(("data: " + last + "\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A chat.completion.chunk with one choice, its delta still to fill in. */
    private static ObjectNode chunk(String model, String finishReason) {
        return envelope("chat.completion.chunk", model, finishReason);
    }

    /** What a completion and its chunks share: id, object, created, model, one choice. */
    private static ObjectNode envelope(String object, String model, String finishReason) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-scripted");
        root.put("object", object);
        root.put("created", System.currentTimeMillis() / 1000);
        root.put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.put("finish_reason", finishReason);
        return root;
    }

    private static void send(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
