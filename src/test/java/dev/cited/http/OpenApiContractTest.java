package dev.cited.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import dev.cited.app.CitedEngine;
import dev.cited.openai.OpenAiRoutes;
import dev.cited.slack.SlackRoutes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps src/main/resources/openapi.json true: it lists exactly the registered routes, every status the real server
 * gives is documented for that operation, and real responses fit the documented schemas.
 */
class OpenApiContractTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    private static CitedServer server;
    private static ApiClient api;
    private static JsonNode spec;
    private static SchemaCheck schemas;
    private static Map<String, String> texts;

    @BeforeAll
    static void start() throws IOException {
        server = CitedServer.start(CitedConfig.builder().port(0).build());
        api = new ApiClient(server.port());
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/openapi.json")) {
            assertNotNull(in, "openapi.json is on the classpath");
            spec = new ObjectMapper().readTree(in);
        }
        schemas = new SchemaCheck(spec);
        texts = Answers.seedTexts();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** "GET /api/documents/{id}" for every operation in the description. */
    private static Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    private static JsonNode operation(String method, String path) {
        JsonNode op = spec.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        assertFalse(op.isMissingNode(), method + " " + path + " is not documented");
        return op;
    }

    private static JsonNode responseSchema(String method, String path, int status, String mediaType) {
        JsonNode response = operation(method, path).path("responses").path(String.valueOf(status));
        assertFalse(response.isMissingNode(), status + " is not documented for " + method + " " + path);
        JsonNode schema = response.path("content").path(mediaType).path("schema");
        assertFalse(schema.isMissingNode(), "no " + mediaType + " schema for " + status + " of " + method + " " + path);
        return schema;
    }

    /** The response's status is documented for the operation, and its JSON body fits that status's schema. */
    private static JsonNode assertConforms(String method, String path, HttpResponse<String> response) {
        JsonNode body = ApiClient.json(response);
        JsonNode schema = responseSchema(method, path, response.statusCode(), "application/json");
        List<String> problems = schemas.problems(schema, body);
        assertTrue(problems.isEmpty(), method + " " + path + " " + response.statusCode() + ": " + problems);
        return body;
    }

    @Test
    void servedDescriptionIsTheResource() throws IOException {
        HttpResponse<String> response = api.get("/openapi.json");
        assertEquals(200, response.statusCode());
        assertEquals(spec, ApiClient.json(response));
        assertEquals("3.0.3", spec.path("openapi").asText());
        assertFalse(spec.path("info").path("title").asText().isBlank());
    }

    @Test
    void documentsExactlyTheRegisteredRoutes() {
        CitedEngine engine = server.engine();
        HttpApi httpApi = new HttpApi(engine.conversations(), engine.collection(), engine.uploads(), engine.retriever(), engine.feedback(), engine.conversationStore(), engine.authentication(),
                new ObjectMapper(), Path.of("web"));
        Set<String> registered = httpApi.routes().stream()
                .map(r -> r.method().name().toUpperCase(Locale.ROOT) + " " + r.path().replaceAll("<(\\w+)>", "{$1}"))
                .collect(Collectors.toCollection(TreeSet::new));
        // The Slack webhook is registered only with SLACK_SIGNING_SECRET; the description says so.
        registered.add("POST " + SlackRoutes.PATH);
        // MCP's endpoint is mounted beside the API (app/CitedServer), over the MCP server's servlet.
        registered.add("POST " + McpRoutes.PATH);
        registered.add("DELETE " + McpRoutes.PATH);
        try (OpenAiRoutes openAi = new OpenAiRoutes(engine.pipeline(), new ObjectMapper())) {
            openAi.routes().forEach(r -> registered.add(r.method().name().toUpperCase(Locale.ROOT) + " " + r.path()));
        }
        assertEquals(registered, documentedOperations());
        assertEquals("SLACK_SIGNING_SECRET", operation("POST", SlackRoutes.PATH).path("x-cited-conditional").asText());
        assertTrue(spec.at("/info/description").asText().contains(SlackRoutes.PATH));
    }

    @Test
    void slackWebhookIsAbsentWithoutASigningSecret() {
        HttpResponse<String> response = api.post(SlackRoutes.PATH, "{\"type\":\"url_verification\",\"challenge\":\"x\"}");
        ApiClient.assertError(response, 404, "not_found");
        assertConforms("POST", SlackRoutes.PATH, response);
    }

    @Test
    void everyOperationIsWellFormed() {
        for (String op : documentedOperations()) {
            String method = op.substring(0, op.indexOf(' '));
            String path = op.substring(op.indexOf(' ') + 1);
            JsonNode operation = operation(method, path);
            assertTrue(operation.path("summary").isTextual(), op + " has a summary");
            assertTrue(operation.path("responses").size() > 0, op + " has responses");
            Set<String> declared = new TreeSet<>();
            for (JsonNode p : operation.path("parameters")) {
                if ("path".equals(p.path("in").asText())) {
                    assertTrue(p.path("required").asBoolean(), op + " path parameter " + p.path("name") + " is required");
                    declared.add(p.path("name").asText());
                }
            }
            Set<String> inPath = new TreeSet<>();
            Matcher m = PATH_PARAM.matcher(path);
            while (m.find()) {
                inPath.add(m.group(1));
            }
            assertEquals(inPath, declared, op + " declares its path parameters");
            // Every schema reference resolves, wherever it is.
            assertRefsResolve(operation, op);
            for (Iterator<Map.Entry<String, JsonNode>> it = operation.path("responses").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> r = it.next();
                assertTrue(r.getKey().matches("[1-5]\\d\\d"), op + " response key " + r.getKey());
                assertTrue(r.getValue().path("description").isTextual(), op + " " + r.getKey() + " has a description");
                if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                    JsonNode error = r.getValue().path("content").path("application/json").path("schema");
                    assertEquals("#/components/schemas/Error", error.path("$ref").asText(),
                            op + " " + r.getKey() + " is the JSON error");
                }
            }
        }
        assertRefsResolve(spec.path("components"), "components");
    }

    private static void assertRefsResolve(JsonNode node, String where) {
        if (node.isObject()) {
            if (node.has("$ref")) {
                schemas.resolve(node);
            }
            node.elements().forEachRemaining(child -> assertRefsResolve(child, where));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> assertRefsResolve(child, where));
        }
    }

    @Test
    void documentsTheLimitsAndErrorStatuses() {
        JsonNode ask = spec.at("/components/schemas/AskRequest/properties/question");
        assertEquals(dev.cited.conversation.ConversationService.MAX_QUESTION_LENGTH, ask.path("maxLength").asInt());
        JsonNode k = operation("GET", "/api/search").path("parameters").get(1).path("schema");
        assertEquals(1, k.path("minimum").asInt());
        assertEquals(SearchRoutes.MAX_K, k.path("maximum").asInt());
        assertTrue(spec.at("/info/description").asText().contains(String.valueOf(JsonBodies.MAX_BODY_BYTES)));
        for (String path : List.of("/api/ask", "/api/ask/stream")) {
            JsonNode responses = operation("POST", path).path("responses");
            for (String status : List.of("200", "400", "413")) {
                assertTrue(responses.has(status), path + " documents " + status);
            }
        }
        JsonNode ask200 = operation("POST", "/api/ask").path("responses");
        assertTrue(ask200.has("502") && ask200.has("504"), "model failures are documented");
        assertTrue(operation("GET", "/api/documents/{id}").path("responses").has("404"));
        JsonNode stream = operation("POST", "/api/ask/stream").path("responses").path("200").path("content");
        assertTrue(stream.has("text/event-stream"), "the stream is text/event-stream");
        String description = operation("POST", "/api/ask/stream").path("description").asText();
        for (String event : List.of("`token`", "`done`", "`error`")) {
            assertTrue(description.contains(event), "the stream describes the " + event + " event");
        }
    }

    @Test
    void everyDocumentedGetWithoutPathParametersAnswersADocumentedStatus() {
        List<String> checked = new ArrayList<>();
        for (String op : documentedOperations()) {
            if (!op.startsWith("GET ") || op.contains("{")) {
                continue;
            }
            String path = op.substring(4);
            HttpResponse<String> response = api.get(path);
            assertTrue(operation("GET", path).path("responses").has(String.valueOf(response.statusCode())),
                    op + " answered " + response.statusCode() + ", which is not documented");
            if (path.equals("/metrics")) {
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                        "/metrics is the Prometheus text format");
            } else if (!path.equals("/openapi.json")) {
                assertConforms("GET", path, response);
            }
            checked.add(op);
        }
        assertTrue(checked.containsAll(List.of("GET /health", "GET /health/live", "GET /health/ready", "GET /metrics",
                "GET /api/documents", "GET /api/search", "GET /api/feedback", "GET /openapi.json")), checked.toString());
    }

    @Test
    void everyDocumentedPostAnswersAnEmptyObjectWithADocumentedStatus() {
        for (String op : documentedOperations()) {
            if (op.startsWith("POST ")) {
                String path = op.substring(5);
                HttpResponse<String> response = api.post(path, "{}");
                assertTrue(operation("POST", path).path("responses").has(String.valueOf(response.statusCode())),
                        op + " answered " + response.statusCode() + " to {}, which is not documented");
                ApiClient.assertError(response, response.statusCode(), null);
                assertConforms("POST", path, response);
            }
        }
    }

    @Test
    void healthFitsItsSchema() {
        JsonNode health = assertConforms("GET", "/health", api.get("/health"));
        assertEquals(2, health.get("documents").asInt());
    }

    @Test
    void documentsFitTheirSchemas() {
        JsonNode list = assertConforms("GET", "/api/documents", api.get("/api/documents"));
        assertEquals(texts.size(), list.size());
        for (JsonNode summary : list) {
            String id = summary.get("id").asText();
            JsonNode document = assertConforms("GET", "/api/documents/{id}", api.get("/api/documents/" + id));
            assertEquals(texts.get(id), document.get("text").asText());
        }
        assertConforms("GET", "/api/documents/{id}", api.get("/api/documents/no-such-document"));
    }

    @Test
    void searchFitsItsSchema() {
        JsonNode found = assertConforms("GET", "/api/search", api.get("/api/search?q=artillery+shells&k=7"));
        assertEquals(7, found.get("results").size());
        for (JsonNode hit : found.get("results")) {
            String text = texts.get(hit.get("documentId").asText());
            assertEquals(text.substring(hit.get("start").asInt(), hit.get("end").asInt()), hit.get("text").asText());
        }
        assertConforms("GET", "/api/search", api.get("/api/search?q=korea&k=0"));
        assertConforms("GET", "/api/search", api.get("/api/search?q=" + "a".repeat(2001)));
    }

    @Test
    void askFitsItsSchema() {
        HttpResponse<String> answered = api.post("/api/ask",
                "{\"question\":\"" + Answers.QUESTION + "\"}");
        JsonNode result = assertConforms("POST", "/api/ask", answered);
        Answers.assertGrounded(result, texts);
        JsonNode abstained = assertConforms("POST", "/api/ask",
                api.post("/api/ask", "{\"question\":\"What is the capital of Brazil?\"}"));
        Answers.assertAbstains(abstained, texts);
        assertConforms("POST", "/api/ask", api.post("/api/ask", "{\"question\":\"" + "a".repeat(2001) + "\"}"));
        assertConforms("POST", "/api/ask", api.post("/api/ask", "[1]"));
    }

    @Test
    void givenExplain_whenAsked_thenTheVerdictsFitTheirSchemaAndQuoteTheirSpanExactly() {
        JsonNode explained = assertConforms("POST", "/api/ask",
                api.post("/api/ask", "{\"question\":\"" + Answers.QUESTION + "\",\"explain\":true}"));
        assertTrue(explained.path("verdicts").size() > 0, explained.toString());
        for (JsonNode v : explained.path("verdicts")) {
            if (v.hasNonNull("documentId")) {
                String text = texts.get(v.get("documentId").asText());
                assertEquals(text.substring(v.get("start").asInt(), v.get("end").asInt()), v.get("quote").asText());
            }
        }
        JsonNode plain = assertConforms("POST", "/api/ask", api.post("/api/ask", "{\"question\":\"" + Answers.QUESTION + "\"}"));
        assertTrue(plain.path("verdicts").isMissingNode(), "verdicts only when asked for");
        assertConforms("POST", "/api/ask", api.post("/api/ask", "{\"question\":\"q?\",\"explain\":\"yes\"}"));
        assertEquals(400, api.post("/api/ask", "{\"question\":\"q?\",\"explain\":\"yes\"}").statusCode());
    }

    @Test
    void streamEventsFitTheirSchemas() {
        HttpResponse<String> response = api.send(api.postRequest("/api/ask/stream",
                "{\"question\":\"" + Answers.QUESTION + "\"}"));
        assertEquals(200, response.statusCode());
        responseSchema("POST", "/api/ask/stream", 200, "text/event-stream");
        List<SseEvents.Event> events = SseEvents.parse(response.body());
        for (SseEvents.Event event : events) {
            String schema = switch (event.name()) {
                case "token" -> "StreamToken";
                case "done" -> "AskResult";
                case "error" -> "Error";
                default -> throw new AssertionError("undocumented event " + event.name());
            };
            List<String> problems = schemas.problems(
                    spec.at("/components/schemas/" + schema), event.json());
            assertTrue(problems.isEmpty(), event + ": " + problems);
        }
        assertEquals("done", events.get(events.size() - 1).name());
    }

    @Test
    void openAiCompletionsChunksModelsAndErrorsFitTheirSchemas() {
        String ask = "{\"model\":\"cited\",\"messages\":[{\"role\":\"user\",\"content\":\"" + Answers.QUESTION + "\"}]";
        JsonNode completion = assertConforms("POST", "/v1/chat/completions", api.post("/v1/chat/completions", ask + "}"));
        assertTrue(completion.at("/choices/0/message/citations").size() > 0, completion.toString());
        HttpResponse<String> streamed = api.post("/v1/chat/completions",
                ask + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
        assertEquals(200, streamed.statusCode());
        responseSchema("POST", "/v1/chat/completions", 200, "text/event-stream");
        List<String> data = new ArrayList<>();
        for (String line : streamed.body().split("\n")) {
            if (line.startsWith("data: ")) {
                data.add(line.substring(6));
            }
        }
        assertEquals("[DONE]", data.get(data.size() - 1));
        for (String chunk : data.subList(0, data.size() - 1)) {
            List<String> problems = schemas.problems(spec.at("/components/schemas/ChatCompletionChunk"),
                    ApiClient.JSON.valueToTree(parse(chunk)));
            assertTrue(problems.isEmpty(), chunk + ": " + problems);
        }
        assertConforms("GET", "/v1/models/{id}", api.get("/v1/models/cited"));
        assertConforms("GET", "/v1/models/{id}", api.get("/v1/models/gpt-4o"));
        assertConforms("POST", "/v1/chat/completions", api.post("/v1/chat/completions", "{\"model\":\"gpt-4o\"}"));
        assertConforms("POST", "/v1/chat/completions", api.post("/v1/chat/completions", "{\"model\":\"cited\",\"n\":2,"
                + ask.substring(ask.indexOf("\"messages\"")) + "}"));
    }

    private static JsonNode parse(String json) {
        try {
            return ApiClient.JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(json, e);
        }
    }

    @Test
    void feedbackFitsItsSchemas() {
        String conversationId = ApiClient.json(api.post("/api/ask", "{\"question\":\"Who is Jens Stoltenberg?\"}"))
                .path("conversationId").asText();
        HttpResponse<String> created = api.post("/api/feedback", "{\"conversationId\":\"" + conversationId
                + "\",\"turn\":1,\"rating\":\"down\",\"comment\":\"schema check\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertConforms("POST", "/api/feedback", created);
        assertConforms("POST", "/api/feedback", api.post("/api/feedback",
                "{\"conversationId\":\"c-openapi\",\"turn\":1,\"rating\":\"sideways\"}"));
        assertConforms("POST", "/api/feedback", api.post("/api/feedback",
                "{\"conversationId\":\"c-openapi\",\"turn\":1,\"rating\":\"up\"}"));
        JsonNode all = assertConforms("GET", "/api/feedback", api.get("/api/feedback"));
        assertTrue(all.size() >= 1);
    }

    @Test
    void wrongMethodsAndUnknownPathsAreDocumentedErrors() {
        HttpResponse<String> wrongMethod = api.method("DELETE", "/api/ask", null);
        assertTrue(spec.at("/paths/~1api~1ask/post/responses").has(String.valueOf(wrongMethod.statusCode())),
                "DELETE /api/ask answered " + wrongMethod.statusCode());
        assertTrue(schemas.problems(spec.at("/components/schemas/Error"), ApiClient.json(wrongMethod)).isEmpty());
        HttpResponse<String> unknown = api.get("/api/nothing-here");
        ApiClient.assertError(unknown, 404, "not_found");
        assertTrue(schemas.problems(spec.at("/components/schemas/Error"), ApiClient.json(unknown)).isEmpty());
    }
}
