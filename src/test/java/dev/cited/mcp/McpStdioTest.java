package dev.cited.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.app.Main;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code cited mcp} in its own JVM over a copy of the seeds, driven through standard input and output: by the
 * SDK's stdio client, and by hand to check that standard output carries nothing but JSON-RPC.
 */
class McpStdioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path docs;

    @BeforeEach
    void copySeeds() throws Exception {
        docs = Files.createDirectories(dir.resolve("docs"));
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            for (Path seed : seeds.toList()) {
                Files.copy(seed, docs.resolve(seed.getFileName()));
            }
        }
    }

    private List<String> command() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "mcp", "--seeds", docs.toString(),
                "--retrieval", "bm25", "--no-watch");
    }

    @Test
    void givenTheSdkStdioClient_whenItStartsCitedMcp_thenEveryToolAndResourceWorks() throws Exception {
        List<String> command = command();
        ServerParameters parameters = ServerParameters.builder(command.get(0)).args(command.subList(1, command.size()))
                .build();
        StdioClientTransport transport = new StdioClientTransport(parameters, McpJsonDefaults.getMapper());
        Queue<String> stderr = new ConcurrentLinkedQueue<>();
        transport.setStdErrorHandler(stderr::add);
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(120)).build()) {
            client.initialize();
            McpChecks.toolsAreListedWithSchemas(client);
            Map<String, String> texts = McpChecks.resourcesAreListedAndRead(client, 2);
            for (Map.Entry<String, String> text : texts.entrySet()) { // plain text: the document is the file
                assertEquals(Files.readString(docs.resolve(text.getKey() + ".txt")), text.getValue());
            }
            McpChecks.askCitesQuotesAndFollowsUp(client, texts::get);
            McpChecks.abstentionIsAResult(client);
            McpChecks.searchReturnsPassagesAtTheirOffsets(client, texts::get);
            McpChecks.wrongArgumentsGiveErrorsAndTheSessionGoesOn(client, texts.keySet().iterator().next());
        }
        assertTrue(stderr.stream().anyMatch(line -> line.contains("Cited MCP server ready on stdio")),
                "the log is on stderr: " + stderr);
    }

    @Test
    void givenRequestsByHand_whenAnswered_thenStdoutHoldsOnlyJsonRpcAndTheServerEndsWithItsInput() throws Exception {
        Process process = new ProcessBuilder(command()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            OutputStream in = process.getOutputStream();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"by-hand\",\"version\":\"1\"}}}");
            JsonNode first = JSON.readTree(out.readLine());
            assertEquals(1, first.path("id").asInt(), "nothing, not even a notification, before initialize's answer: "
                    + first);
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"ask\","
                    + "\"arguments\":{\"question\":\"" + McpChecks.QUESTION + "\"}}}");
            JsonNode answer = response(out, 2);
            assertTrue(answer.path("result").path("structuredContent").path("grounded").asBoolean(), answer.toString());
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"search\","
                    + "\"arguments\":{\"query\":\"NATO\",\"k\":\"many\"}}}");
            JsonNode refused = response(out, 3);
            assertTrue(refused.path("result").path("isError").asBoolean(), refused.toString());
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}");
            assertTrue(response(out, 4).has("result"));
            in.close(); // the client has gone: the server ends
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "cited mcp ends when its input does");
            assertEquals(0, process.exitValue());
            for (String rest; (rest = out.readLine()) != null; ) {
                assertTrue(JSON.readTree(rest).path("jsonrpc").asText().equals("2.0"), rest);
            }
        } finally {
            process.destroyForcibly();
        }
    }

    private static void send(OutputStream in, String message) throws Exception {
        in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Reads stdout up to the response to {@code id}: every line on the way must be a JSON-RPC message. */
    private static JsonNode response(BufferedReader out, int id) throws Exception {
        for (String line; (line = out.readLine()) != null; ) {
            JsonNode message;
            try {
                message = JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not JSON-RPC on stdout: " + line);
            }
            assertEquals("2.0", message.path("jsonrpc").asText(), line);
            if (message.path("id").asInt(-1) == id) {
                return message;
            }
        }
        throw new AssertionError("stdout ended before the response to " + id);
    }
}
