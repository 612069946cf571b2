package dev.cited.mcp;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every transport must serve the same way, checked through the SDK's own client. */
final class McpChecks {
    static final String QUESTION = "Who is Jens Stoltenberg?";

    private McpChecks() {
    }

    static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest(tool, arguments));
    }

    static String text(CallToolResult result) {
        return result.content().stream().filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text())
                .collect(Collectors.joining("\n"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> structured(CallToolResult result) {
        assertNotNull(result.structuredContent(), "structured content: " + text(result));
        return (Map<String, Object>) result.structuredContent();
    }

    static Map<String, Object> success(CallToolResult result) {
        assertFalse(Boolean.TRUE.equals(result.isError()), "an error: " + text(result));
        return structured(result);
    }

    /** A tool error in plain words: no Java class or stack in it. */
    static String error(CallToolResult result) {
        assertEquals(Boolean.TRUE, result.isError(), "not an error: " + text(result));
        String message = text(result);
        assertFalse(message.isBlank());
        assertFalse(message.matches("(?s).*(java\\.|Exception|\\bat dev\\.|dev\\.cited\\.).*"), message);
        return message;
    }

    static void toolsAreListedWithSchemas(McpSyncClient client) {
        Map<String, Tool> tools = client.listTools().tools().stream()
                .collect(Collectors.toMap(Tool::name, Function.identity()));
        assertEquals(java.util.Set.of("ask", "search", "get_document"), tools.keySet());
        assertEquals(List.of("question"), tools.get("ask").inputSchema().get("required"));
        assertTrue(((Map<?, ?>) tools.get("ask").inputSchema().get("properties")).containsKey("conversation_id"));
        assertEquals(List.of("query"), tools.get("search").inputSchema().get("required"));
        assertEquals(List.of("id"), tools.get("get_document").inputSchema().get("required"));
        for (Tool tool : tools.values()) {
            assertFalse(tool.description().isBlank(), tool.name());
            assertNotNull(tool.outputSchema(), tool.name() + " declares an output schema");
            assertEquals("object", tool.outputSchema().get("type"), tool.name());
        }
    }

    /**
     * ask answers with citations whose quotes are the document text at their offsets, a follow-up continues the
     * conversation, and get_document returns exactly the quoted range. Returns the conversation id.
     */
    @SuppressWarnings("unchecked")
    static String askCitesQuotesAndFollowsUp(McpSyncClient client, Function<String, String> documentText) {
        CallToolResult first = call(client, "ask", Map.of("question", QUESTION));
        Map<String, Object> answer = success(first);
        assertEquals(Boolean.TRUE, answer.get("grounded"), text(first));
        List<Map<String, Object>> citations = (List<Map<String, Object>>) answer.get("citations");
        assertFalse(citations.isEmpty(), text(first));
        for (Map<String, Object> c : citations) {
            String id = (String) c.get("document_id");
            int start = ((Number) c.get("start")).intValue();
            int end = ((Number) c.get("end")).intValue();
            assertEquals(documentText.apply(id).substring(start, end), c.get("quote"), "citation " + c);
            assertTrue(text(first).contains((String) c.get("quote")), "the text lists the sources: " + text(first));
            Map<String, Object> slice = success(call(client, "get_document", Map.of("id", id, "start", start, "end", end)));
            assertEquals(c.get("quote"), slice.get("text"));
            assertEquals(documentText.apply(id).length(), ((Number) slice.get("length")).intValue());
        }
        assertEquals(1, ((Number) answer.get("turn")).intValue());
        String conversation = (String) answer.get("conversation_id");
        Map<String, Object> followUp = success(call(client, "ask",
                Map.of("question", "What did he say about North Korea?", "conversation_id", conversation)));
        assertEquals(conversation, followUp.get("conversation_id"));
        assertEquals(2, ((Number) followUp.get("turn")).intValue());
        assertTrue(((String) followUp.get("search_query")).contains("Stoltenberg"), followUp.toString());
        return conversation;
    }

    static void abstentionIsAResult(McpSyncClient client) {
        CallToolResult result = call(client, "ask", Map.of("question", "What is the boiling point of tungsten on Mars?"));
        Map<String, Object> answer = success(result);
        assertEquals(Boolean.FALSE, answer.get("grounded"));
        assertTrue(((String) answer.get("answer")).startsWith("The documents don't say"), text(result));
        assertEquals(List.of(), answer.get("citations"));
    }

    @SuppressWarnings("unchecked")
    static void searchReturnsPassagesAtTheirOffsets(McpSyncClient client, Function<String, String> documentText) {
        Map<String, Object> found = success(call(client, "search", Map.of("query", "Stoltenberg North Korea", "k", 3)));
        List<Map<String, Object>> results = (List<Map<String, Object>>) found.get("results");
        assertEquals(3, results.size(), found.toString());
        double previous = Double.MAX_VALUE;
        for (Map<String, Object> r : results) {
            int start = ((Number) r.get("start")).intValue();
            int end = ((Number) r.get("end")).intValue();
            assertEquals(documentText.apply((String) r.get("document_id")).substring(start, end), r.get("text"));
            double score = ((Number) r.get("score")).doubleValue();
            assertTrue(score <= previous, "best first: " + results);
            previous = score;
        }
        List<?> defaults = (List<?>) success(call(client, "search", Map.of("query", "North Korea"))).get("results");
        assertEquals(5, defaults.size(), "k is 5 when not given");
    }

    /** Every document is listed as a resource, and reading one gives its text. Returns the texts by id. */
    static Map<String, String> resourcesAreListedAndRead(McpSyncClient client, int documents) {
        List<Resource> resources = client.listResources().resources();
        assertEquals(documents, resources.size(), resources.toString());
        Map<String, String> texts = new java.util.HashMap<>();
        for (Resource r : resources) {
            assertTrue(r.uri().startsWith("cited://documents/"), r.uri());
            McpSchema.ReadResourceResult read = client.readResource(new ReadResourceRequest(r.uri()));
            TextResourceContents contents = (TextResourceContents) read.contents().get(0);
            assertEquals(r.uri(), contents.uri());
            assertFalse(contents.text().isBlank());
            texts.put(r.name(), contents.text());
        }
        assertEquals(1, client.listResourceTemplates().resourceTemplates().size());
        return texts;
    }

    /** Wrong arguments give errors in plain words, and the session goes on: the next call succeeds. */
    static void wrongArgumentsGiveErrorsAndTheSessionGoesOn(McpSyncClient client, String someDocument) {
        assertTrue(error(call(client, "ask", Map.of())).contains("'question' is required"));
        assertTrue(error(call(client, "ask", Map.of("question", "   "))).contains("blank"));
        assertTrue(error(call(client, "ask", Map.of("question", 42))).contains("must be a string"));
        assertTrue(error(call(client, "ask", Map.of("question", "x".repeat(5000)))).contains("limit"));
        assertTrue(error(call(client, "ask", Map.of("question", "Who?", "conversation_id", "no spaces please")))
                .contains("conversation_id"));
        assertTrue(error(call(client, "ask", Map.of("question", "Who?", "colour", "blue"))).contains("'colour'"));
        assertTrue(error(call(client, "search", Map.of("query", "NATO", "k", 0))).contains("from 1 to 50"));
        assertTrue(error(call(client, "search", Map.of("query", "NATO", "k", 51))).contains("from 1 to 50"));
        assertTrue(error(call(client, "search", Map.of("query", "NATO", "k", "five"))).contains("whole number"));
        assertTrue(error(call(client, "search", Map.of("query", "NATO", "k", 2.5))).contains("whole number"));
        assertTrue(error(call(client, "search", Map.of("k", 3))).contains("'query' is required"));
        assertTrue(error(call(client, "get_document", Map.of("id", "no/such/document"))).contains("No document"));
        assertTrue(error(call(client, "get_document", Map.of("id", someDocument, "start", 10, "end", 5)))
                .contains("'end'"));
        assertTrue(error(call(client, "get_document", Map.of("id", someDocument, "start", 10_000_000)))
                .contains("past the end"));
        assertTrue(error(call(client, "get_document", Map.of("id", someDocument, "start", -1))).contains("'start'"));
        McpError unknownResource = assertThrows(McpError.class,
                () -> client.readResource(new ReadResourceRequest("cited://documents/nothing-here")));
        assertTrue(unknownResource.getMessage().contains("No document"), unknownResource.getMessage());
        McpError unknownTool = assertThrows(McpError.class, () -> call(client, "delete_everything", Map.of()));
        assertFalse(unknownTool.getMessage().contains("java."), unknownTool.getMessage());

        Map<String, Object> after = success(call(client, "get_document", Map.of("id", someDocument, "end", 40)));
        assertEquals(40, ((Number) after.get("end")).intValue());
        assertEquals(Boolean.TRUE, after.get("more"));
        client.ping();
    }
}
