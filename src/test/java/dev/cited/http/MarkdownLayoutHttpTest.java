package dev.cited.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/documents/{id} gives a Markdown document's layout, as openapi.json describes it, and nothing else's. */
class MarkdownLayoutHttpTest {
    private static final String GUIDE = "# Crane log\n\nCrane 7 was **repaired** by the [night shift](https://example.org/shifts).\n\n"
            + "- oil the winch\n- test the brake\n";
    @TempDir
    static Path folder;
    private static CitedServer server;
    private static ApiClient api;
    private static JsonNode documentSchema;
    private static SchemaCheck schemas;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(folder.resolve("cranes.md"), GUIDE);
        Files.writeString(folder.resolve("notes.txt"), "Plain notes about **cranes**.");
        server = CitedServer.start(CitedConfig.builder().port(0).seeds(folder).retrieval("bm25").build());
        api = new ApiClient(server.port());
        try (InputStream in = MarkdownLayoutHttpTest.class.getResourceAsStream("/openapi.json")) {
            JsonNode spec = new ObjectMapper().readTree(in);
            schemas = new SchemaCheck(spec);
            documentSchema = spec.at("/components/schemas/Document");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void givenAMarkdownDocument_whenFetched_thenItsLayoutRangesCoverWhatTheMarkupHeld() {
        JsonNode doc = ApiClient.json(api.get("/api/documents/cranes"));
        assertEquals(List.of(), schemas.problems(documentSchema, doc));
        String text = doc.get("text").asText();
        List<String> spans = new ArrayList<>();
        for (JsonNode span : doc.get("layout")) {
            spans.add(span.get("kind").asText() + ":" + text.substring(span.get("start").asInt(), span.get("end").asInt())
                    + (span.has("level") ? ":" + span.get("level").asInt() : "")
                    + (span.has("href") ? ":" + span.get("href").asText() : ""));
        }
        assertEquals(List.of("heading:Crane log:1",
                "paragraph:Crane 7 was repaired by the night shift.",
                "strong:repaired",
                "link:night shift:https://example.org/shifts",
                "bullet_list:- oil the winch\n- test the brake",
                "list_item:oil the winch",
                "list_item:test the brake"), spans);
    }

    @Test
    void givenAPlainTextDocument_whenFetched_thenItHasNoLayout() {
        JsonNode doc = ApiClient.json(api.get("/api/documents/notes"));
        assertEquals(List.of(), schemas.problems(documentSchema, doc));
        assertFalse(doc.has("layout"), doc.toString());
        assertTrue(doc.get("text").asText().contains("**cranes**"), "plain text is served as it is");
    }
}
